square = lambda x: x * x
print(square(7))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, z=2))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print(square.__name__, add.__name__)
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1]))
fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])
late = [lambda: i for i in range(3)]
print([f() for f in late])
print((lambda x: (lambda y: x + y))(1)(2))
