# Reference counts seen by __init__, __call__, __format__, __repr__, __len__...
# through class calls with and without keywords, instance calls, format() and
# f-strings, str.format, list()/tuple() (iterator first, then the length hint).
import sys

class C:
    def __init__(self, a, b=None):
        print("init", sys.getrefcount(a))
    def __call__(self, a):
        print("call", sys.getrefcount(a))
        return a
    def meth(self, a):
        print("meth", sys.getrefcount(a))

class N:
    def __new__(cls, a):
        print("new", sys.getrefcount(a))
        return object.__new__(cls)
    def __init__(self, a):
        print("init2", sys.getrefcount(a))

class K:
    def __lt__(self, o):
        print("lt", sys.getrefcount(self), sys.getrefcount(o))
        return False
    def __repr__(self):
        print("repr", sys.getrefcount(self))
        return "K"
    def __format__(self, spec):
        print("format", sys.getrefcount(self))
        return "k"
    def __len__(self):
        print("len", sys.getrefcount(self))
        return 1
    def __index__(self):
        print("index", sys.getrefcount(self))
        return 0
    def __hash__(self):
        print("hash", sys.getrefcount(self))
        return 1
    def __iter__(self):
        print("iter", sys.getrefcount(self))
        return iter(())
    def __bool__(self):
        print("bool", sys.getrefcount(self))
        return True

x = object()
C(x)
C(x, b=1)
c = C(x)
c(x)
c.meth(x)
N(x)
k1, k2 = K(), K()
max(k1, k2)
min(k1, k2)
max([k1, k2])
sorted([k1, k2])
"{}".format(k1)
"{!r}".format(k1)
format(k1, "x")
f"{k1}"
repr(k1)
len(k1)
[1, 2][k1]
hash(k1)
list(k1)
tuple(k1)
bool(k1)
not k1
str.format("{}", k1)
print("%s|%r" % (k1, k1))
getattr(c, "meth")(x)
sys.getrefcount(k1)
