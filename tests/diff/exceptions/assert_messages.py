def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x

print(check(5))
for v in [0, -2]:
    try:
        check(v)
    except AssertionError as e:
        print("AssertionError:", e)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e.args)
