x = "global x"
result = [x for x in range(3)]
print(result, x)

i = "unchanged"
squares = [i * i for i in range(4)]
print(i)

def f():
    y = 10
    return [y + k for k in range(3)]

print(f())

class C:
    base = 100
    values = [v for v in range(3)]
    try:
        shifted = [v + base for v in range(3)]
    except NameError as e:
        shifted = "NameError: " + str(e)
    first = [base + v for v in range(1)] if False else None

print(C.values, C.shifted)
# The leftmost iterable is evaluated in the enclosing scope.
class D:
    n = 3
    items = [k for k in range(n)]
print(D.items)
