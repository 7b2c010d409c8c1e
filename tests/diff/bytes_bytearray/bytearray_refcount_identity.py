import sys

ba = bytearray(b"abc")
print(sys.getrefcount(ba))
same = ba
ba += b"d"
print(ba is same, sys.getrefcount(ba))
ba = ba + b"e"
print(ba is same, same, ba)
b = bytes(3)
b2 = b
b += b"x"
print(b is b2, b, b2)
print(bytearray(b"x") == b"x", b"x" == bytearray(b"x"))
