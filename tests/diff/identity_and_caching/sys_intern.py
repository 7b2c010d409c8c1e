import sys

a = "".join(["not an ", "identifier!"])
b = "".join(["not an ", "identifier", "!"])
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib)
print(ia is a)
print(ib is b)

# intern returns the first interned object.
c = sys.intern("".join(["x", "y", "z", "1"]))
d = sys.intern("".join(["xy", "z1"]))
print(c is d)

try:
    sys.intern(42)
except TypeError as e:
    print(type(e).__name__, e)
