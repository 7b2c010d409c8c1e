# bytearray shrinking: pop, remove, del and clear.
import sys
g = sys.getsizeof
b = bytearray(b"x" * 40)
r = []
for i in range(40):
    b.pop()
    r.append(g(b))
print(r)
b = bytearray(b"x" * 40)
del b[5:]
print(g(b))
b.clear()
print(g(b))
b.append(1)
print(g(b))
b = bytearray(b"x" * 10)
b.insert(0, 1)
print(g(b))
b[2:4] = b"abcdefgh"
print(g(b))
b *= 3
print(g(b))
b = bytearray(b"x" * 10)
b.extend(range(5))
print(g(b))
b.extend(x for x in range(50))
print(g(b))
b.remove(120)
print(g(b))
b = bytearray(b"y" * 40)
del b[:30]
print(g(b), len(b))
b = bytearray(b"y" * 40)
del b[:5]
print(g(b))
b.extend(b"z" * 3)
print(g(b))
print(g(bytearray(b"abc").copy()), g(bytearray(b"abcdef")[1:3]), g(bytearray(b"abc") * 3), g(bytearray(b"ab") + b"cd"))
