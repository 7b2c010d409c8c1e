# CPython 3.11 does not count the interned table's reference to a string:
# an interned string nothing else holds is freed and leaves the table.
import sys

rc = sys.getrefcount


def text(*parts):
    return "".join(parts)


a = text("zq", "_mortal")
print("before", rc(a))
b = sys.intern(a)
print("interned", b is a, rc(a))
c = sys.intern(text("zq", "_mortal"))
print("again", c is a, rc(a))
del b, c
print("names gone", rc(a))
del a
# The first one is gone: interning the text again keeps the new object.
d = text("zq", "_mortal")
e = sys.intern(d)
print("new object interned", e is d, rc(d))
# A name-like string made at run time is not interned until something
# interns it (setattr does).
f = text("zq", "_attr")
g = text("zq", "_attr")
print("distinct", f is g)


class C:
    pass


o = C()
setattr(o, f, 1)
print("setattr interns", sys.intern(g) is f, rc(f))
names = [k for k in vars(o)]
print("key is the name", names[0] is f)
h = text("zq", "_other")
print("getattr does not intern", sys.intern(text("zq", "_other")) is h)
