# An uncaught ZeroDivisionError at module level.
print("before")
x = 10
y = 0
try:
    x % y
except ZeroDivisionError as e:
    print("caught:", e)
print(x / 5)
print(x / y)
print("never printed")
