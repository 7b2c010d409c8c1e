# Which objects the collector tracks (CPython 3.11's rules).
import gc

class A:
    pass

print("atomic:", [gc.is_tracked(x) for x in (1, 1.5, "s", b"b", None, True, 3j, range(3), bytearray())])
print("containers:", [gc.is_tracked(x) for x in ([], set(), frozenset(), A(), lambda: 0, A, slice(1, 2))])
print("object():", gc.is_tracked(object()))
print("empty dict:", gc.is_tracked({}), "atomic dict:", gc.is_tracked({1: "a", "b": 2.5}))
print("dict with a list:", gc.is_tracked({1: []}), "dict with a tuple:", gc.is_tracked({1: (1, 2)}))
d = {}
d["k"] = []
print("dict after storing a list:", gc.is_tracked(d))
d["k"] = 1
print("still tracked after replacing it:", gc.is_tracked(d))
gc.collect()
print("untracked by a full collection:", gc.is_tracked(d))
t = tuple([1, 2, 3])
u = tuple([1, []])
v = tuple([1, (2, 3)])
print("new tuples:", gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
gc.collect()
print("after a collection:", gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
print("empty tuple:", gc.is_tracked(()))
a = A()
a.x = 1
print("instance dict once exposed:", gc.is_tracked(a.__dict__))
a.y = []
print("after storing a list:", gc.is_tracked(a.__dict__))
print("iterators:", gc.is_tracked(iter([])), gc.is_tracked(iter(range(3))), gc.is_tracked(enumerate([])))
print("exceptions, modules:", gc.is_tracked(ValueError()), gc.is_tracked(gc))
