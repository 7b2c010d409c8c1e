# Counts seen through properties, static and class methods, super(), special
# methods, __getattr__ (called bound, as CPython), calls and builtins.
import sys
class O:
    pass
o = O()
r = lambda: sys.getrefcount(o)
class A:
    attr = o
    def __init__(self):
        self.x = o
    @property
    def p(self):
        return sys.getrefcount(o)
    @staticmethod
    def s(v):
        return sys.getrefcount(v)
    @classmethod
    def c(cls, v):
        return sys.getrefcount(v)
    def m(self, v):
        return sys.getrefcount(v)
    def __getitem__(self, k):
        return sys.getrefcount(k)
    def __setitem__(self, k, v):
        print("setitem", sys.getrefcount(k), sys.getrefcount(v))
    def __contains__(self, v):
        return sys.getrefcount(v) > 0
    def __eq__(self, other):
        print("eq", sys.getrefcount(other))
        return True
    def __add__(self, other):
        print("add", sys.getrefcount(other))
        return self
    def __radd__(self, other):
        print("radd", sys.getrefcount(other))
        return self
    def __getattr__(self, name):
        return sys.getrefcount(self)
    def __call__(self, *args, **kwargs):
        return [sys.getrefcount(x) for x in args] + [sys.getrefcount(v) for v in kwargs.values()]
class B(A):
    def m(self, v):
        return super().m(v) + 100
a = A()
print("base", r())
print("prop", a.p, "static", a.s(o), A.s(o), "cls", a.c(o), A.c(o), "meth", a.m(o), A.m(a, o))
print("B", B().m(o), r())
print("getitem", a[o], r())
a[o] = o
print("contains", o in a, r())
print("eq", a == o, r())
print("add", (a + o) is a, (o + a) is a, r())
print("getattr", a.missing, r())
print("call", a(o, o, k=o), r())
f = a.m
print("bound", f(o), r())
print("getattr builtin", getattr(a, "m")(o), r())
print("setattr", setattr(a, "y", o), r())
print("delattr", delattr(a, "y"), r())
print("vars", vars(a)["x"] is o, r())
print("type call", type(o) is O, r())
print("isinstance", isinstance(o, O), r())
print("hasattr", hasattr(o, "zz"), r())
print("dir", "__class__" in dir(o), r())
print("repr", repr(o)[:2], r())
print("str", str(o)[:2], r())
print("format", format(o, "")[:2], f"{o}"[:2], r())
print("hash", hash(o) == hash(o), r())
print("id", id(o) == id(o), r())
