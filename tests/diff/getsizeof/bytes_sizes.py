# bytes are 33+n; bytearray 56 plus its allocation, grown like CPython's.
import sys
g = sys.getsizeof
print([g(b"x" * n) for n in (0, 1, 2, 10, 100)])
print([g(bytearray(n)) for n in (0, 1, 5, 10)], g(bytearray(b"abc")), g(bytearray("abc", "ascii")),
      g(bytearray([1, 2, 3])), g(bytearray(range(10))), g(bytearray(x for x in range(10))))
b = bytearray()
r = []
for i in range(40):
    b.append(1)
    r.append(g(b))
print(r)
b = bytearray()
r = []
for i in range(20):
    b.extend(b"xyz")
    r.append(g(b))
print(r)
b = bytearray()
r = []
for i in range(20):
    b += b"xy"
    r.append(g(b))
print(r)
print(b.__alloc__())
