# setattr/getattr/delattr with a str subclass as the name: CPython 3.11
# interns only an exact str name. An instance dict (materialized or not,
# inline values or not) and a module dict store the subclass object itself
# as the key; a class stores an exact, interned copy.
import sys


class S(str):
    pass


class C:
    pass


def key_types(d, only=None):
    return [type(k).__name__ for k in d if only is None or k == only]


a = C()
setattr(a, S("k"), 1)
print("first instance", key_types(a.__dict__))
b = C()
b.x = 1
setattr(b, S("k"), 1)
print("inline values", key_types(b.__dict__))
c = C()
c.__dict__
setattr(c, S("k"), 1)
print("materialized", key_types(c.__dict__))
e = C()
setattr(e, S("k"), 1)
setattr(e, "k", 2)
print("replaced by str", key_types(e.__dict__), e.__dict__)
f = C()
f.x = 1
f.y = 2
setattr(f, S("x"), 3)
print("existing name", key_types(f.__dict__), f.x)


class D:
    pass


setattr(D, S("k"), 1)
print("class", key_types(D.__dict__, "k"))
n = S("zq" + "classattr")
setattr(D, n, 2)
print("class key is name", [k is n for k in D.__dict__ if k == n], sys.getrefcount(n))
setattr(sys, S("zq_mod"), 1)
print("module", key_types(sys.__dict__, "zq_mod"))
setattr(sys.modules[__name__], S("zq_main"), 1)
print("main module", key_types(globals(), "zq_main"))


class E:
    __slots__ = ("__dict__",)


g = E()
setattr(g, S("k"), 1)
print("slots dict", key_types(g.__dict__))


class F(dict):
    pass


h = F()
setattr(h, S("k"), 1)
print("dict subclass", key_types(h.__dict__))
s = S("zq" + "name")
i1 = C()
setattr(i1, s, 1)
print(type(list(i1.__dict__)[0]).__name__, list(i1.__dict__)[0] is s, sys.getrefcount(s))
i2 = C()
i2.__dict__
setattr(i2, s, 1)
print(list(i2.__dict__)[0] is s, sys.getrefcount(s))
print(getattr(i1, S("zqname")), hasattr(i2, S("zqname")), getattr(i2, S("zqname"), 9))
delattr(i1, S("zqname"))
print(i1.__dict__, sys.getrefcount(s))
# the subclass object is not interned: an exact str of the same text is
# interned as a new object
t = sys.intern("".join(["zq", "name"]))
print(t is s, type(t).__name__)
