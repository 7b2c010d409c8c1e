# Tuples of constants are folded into one constant object.
def f():
    return (1, 2, 3)

print(f() is f())
a = (1, 2, 3)
b = (1, 2, 3)
print(a is b, a is f())
nested1 = ((1, 2), ("x", None), 3.5)
nested2 = ((1, 2), ("x", None), 3.5)
print(nested1 is nested2)
pair = (1, 2)
print(nested1[0] is pair)

# A tuple holding a non-constant is built fresh each time.
def g():
    return (1, [2])

print(g() is g(), g() == g())
x = 5
print((x, 1) is (x, 1))
