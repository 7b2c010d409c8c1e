data = [("ann", (30, "nyc")), ("bob", (25, "sf"))]
for name, (age, city) in data:
    print(name, age, city)
((a, b), (c, d)) = [[1, 2], "xy"]
print(a, b, c, d)
[x, [y, [z]]] = [1, [2, [3]]]
print(x, y, z)
d = {"k1": 1, "k2": 2}
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
head, (mid, *tail) = 0, [1, 2, 3]
print(head, mid, tail)
a = b = c = [0]
print(a is b is c)
a, b = b, a = 1, 2
print(a, b)
