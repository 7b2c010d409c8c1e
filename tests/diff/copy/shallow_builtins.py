# copy.copy of mutable builtins makes a new container holding the same items.
import copy, sys

inner = [1, 2]
l = [inner, "x", 3]
c = copy.copy(l)
print(c == l, c is l, c[0] is inner, sys.getrefcount(inner))
d = {"a": inner, "b": 2}
cd = copy.copy(d)
print(cd == d, cd is d, cd["a"] is inner, sys.getrefcount(inner))
s = {1, 2, (3, 4)}
cs = copy.copy(s)
print(cs == s, cs is s, sorted(cs, key=str))
ba = bytearray(b"abc")
cb = copy.copy(ba)
print(cb == ba, cb is ba)
cb.append(100)
print(ba, cb)
inner.append(3)
print(c, cd)
print(sys.getrefcount(c), sys.getrefcount(cd), sys.getrefcount(cs))
del c, cd
print(sys.getrefcount(inner))
e = copy.copy([])
print(e, sys.getsizeof(e), sys.getsizeof(copy.copy(list(range(10)))))
