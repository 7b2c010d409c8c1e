# An uncaught AssertionError with a message.
def check(v):
    assert v < 10, f"value {v} too large"
    return v


print(check(3))
try:
    check(11)
except AssertionError as e:
    print("caught:", e)
check(42)
