import sys

ba = bytearray(b"data")
print(sys.getrefcount(ba))
view = [ba, ba]
print(sys.getrefcount(ba))
copy1 = bytes(ba)
copy2 = bytearray(ba)
print(copy1 == ba, copy2 == ba, copy2 is ba)
ba[0] = 0x44
print(copy1, copy2, ba)
empty1 = bytes(0)
empty2 = b"xyz"[3:]
print(empty1 is empty2)
print(bytearray() is bytearray())
b = b"immutable"
c = b[:]
print(c is b)
d = bytes(b)
print(d is b)
