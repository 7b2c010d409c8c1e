# Instances of subclasses of builtin types (made by the builtin's __new__,
# not object.__new__) get a dict object at their first attribute, which
# counts as an allocation; plain instances keep inline values until their
# __dict__ is asked for.
import gc
import sys


class D(dict):
    pass


class L(list):
    pass


class I(int):
    pass


class S(str):
    pass


class T(tuple):
    pass


class St(set):
    pass


class P:
    pass


class PD(P):
    pass


class DD(D):
    pass


def probe(label, f):
    gc.collect()
    a = gc.get_count()[0]
    f()
    b = gc.get_count()[0]
    print(label, b - a)


for cls, args in [(D, ()), (L, ()), (I, (5,)), (S, ("s",)), (T, ((1,),)), (St, ()), (P, ()), (PD, ()), (DD, ())]:
    o = cls(*args)
    probe(cls.__name__ + " first object.__setattr__", lambda: object.__setattr__(o, "x", 1))
    probe(cls.__name__ + " second", lambda: object.__setattr__(o, "y", 2))
    o2 = cls(*args)

    def store():
        o2.a = []

    probe(cls.__name__ + " attribute store", store)
    print(cls.__name__, gc.is_tracked(o2.__dict__), sys.getrefcount(o2.__dict__), sorted(o2.__dict__))
    o3 = cls(*args)
    probe(cls.__name__ + " __dict__ first", lambda: o3.__dict__)
    del o, o2, o3
