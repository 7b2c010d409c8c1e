# Allocation counts of calls that take their arguments as a tuple in
# CPython 3.11: METH_VARARGS functions and methods, slot wrappers called
# from Python, builtin __new__, f(*x); the first keyword call of
# list.sort; the first repr of a container.
import gc, sys
gc.disable()
from mod_gcprobe import measure, out


L = [3, 1, 2]
D = {"a": 1}
S = {1, 2}
s = "hello world"

class MD(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v)

class ML(list):
    def __init__(self, x):
        super().__init__(x)

class C:
    pass

md = MD()
x = [1]

measure("repr([])", lambda: repr([]))
measure("first repr([1])", lambda: repr([1]))
measure("repr([1])", lambda: repr([1]))
measure("repr(())", lambda: repr(()))
measure("repr({1})", lambda: repr({1}))
measure("repr(set())", lambda: repr(set()))
measure("repr({})", lambda: repr({}))
measure("format", lambda: "{} {}".format(1, 2))
measure("format kw", lambda: "{a}".format(a=1))
measure("find", lambda: s.find("o"))
measure("count", lambda: s.count("o", 2))
measure("startswith", lambda: s.startswith(("he", "x")))
measure("endswith", lambda: s.endswith("d"))
measure("join list", lambda: ",".join(["a", "b"]))
measure("join gen", lambda: "".join(str(i) for i in L))
measure("dict.update", lambda: dict(D).update(D))
measure("dict.update kw", lambda: dict(D).update(c=1))
measure("set.update", lambda: set(S).update(L))
measure("set.union", lambda: S.union(L))
measure("set.intersection", lambda: S.intersection(L, L))
measure("set.difference", lambda: S.difference(L))
measure("sys.getsizeof", lambda: sys.getsizeof(L))
measure("first sorted key", lambda: sorted(L, key=abs))
measure("sorted key", lambda: sorted(L, key=abs))
measure("list.sort key", lambda: list(L).sort(key=abs))
measure("max(*L)", lambda: max(*L))
measure("max(*tuple)", lambda: max(*(1, 2)))
measure("slice(1)", lambda: slice(1))
measure("slice(0, 1)", lambda: slice(0, 1))
measure("L[1:]", lambda: L[1:])
measure("x.__len__()", lambda: x.__len__())
measure("x.__eq__(x)", lambda: x.__eq__(x))
measure("object.__eq__", lambda: object.__eq__(x, x))
measure("(1).__add__(2)", lambda: (1).__add__(2))
measure("x.__getitem__(0)", lambda: x.__getitem__(0))
measure("int.__init__", lambda: (5).__init__())
measure("list.__init__", lambda: list.__init__([], ()))
measure("dict.__setitem__", lambda: dict.__setitem__(md, 3, 4))
measure("super().__setitem__", lambda: md.__setitem__(1, 2))
measure("super().__init__", lambda: ML([1]))
measure("type.__call__", lambda: type.__call__(C))
measure("object.__new__(object)", lambda: object.__new__(object))
measure("object.__new__(C)", lambda: object.__new__(C))
measure("tuple.__new__", lambda: tuple.__new__(tuple))
measure("list.__new__", lambda: list.__new__(list))
for line in out:
    print(line)

def f(*a, **k):
    return a, k
t = (1, 2)
print(f(*L), f(*t), f(*"ab"), f(*range(2)), f(*L, x=1), f(0, *L))
try:
    f(*5)
except TypeError as e:
    print(e)
try:
    max(*None)
except TypeError as e:
    print(e)
