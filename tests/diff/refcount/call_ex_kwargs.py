# f(*args, **kwargs) with keywords: CPython 3.11 unpacks the tuple and the
# keywords dict into a new argument array (_PyStack_UnpackDict), which holds
# every argument while a Python callee runs (plain function, bound method,
# an instance's __call__, a class's __new__/__init__, a metaclass __call__);
# a class called with a tuple and no keywords passes the tuple's items on.
import sys


def rc(v):
    return sys.getrefcount(v)


def show(tag, a, b, c):
    print(tag, rc(a) - 2, rc(b) - 2, rc(c) - 2 if c is not None else "-")


class K:
    def __call__(self, a, b, c=None):
        show("call", a, b, c)

    def m(self, a, b, c=None):
        show("meth", a, b, c)


class I:
    def __init__(self, a, b, c=None):
        show("init", a, b, c)


class N:
    def __new__(cls, a, b, c=None):
        show("new", a, b, c)
        return object.__new__(cls)

    def __init__(self, a, b, c=None):
        show("new-init", a, b, c)


class Meta(type):
    def __call__(cls, a, b, c=None):
        show("meta", a, b, c)


class M(metaclass=Meta):
    pass


class L(list):
    def __init__(self, a, b, c=None):
        show("list-init", a, b, c)


class SM:
    @staticmethod
    def s(a, b, c=None):
        show("static", a, b, c)

    @classmethod
    def cm(cls, a, b, c=None):
        show("classmethod", a, b, c)


def f(a, b, c=None):
    show("func", a, b, c)


def g(*a, **k):
    print("g", [rc(v) for v in a], {n: rc(v) for n, v in k.items()})


x = object()
y = object()
z = object()
args = (x, y)
kw = {"c": z}
k = K()
for fn in [f, k.m, k, I, N, M, L, SM.s, SM().cm, g]:
    fn(x, y)
    fn(x, y, c=z)
    fn(*args)
    fn(*args, **kw)
    fn(x, *[y])
    fn(*[x, y], c=z)
    fn(**{"a": x, "b": y})
    fn(x, y, z)
    fn(x, **kw, b=y)
print(rc(x), rc(y), rc(z))
