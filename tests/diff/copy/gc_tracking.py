# Copies are tracked by the collector exactly when CPython tracks them.
import copy, gc
class C: pass
c = C(); c.x = 1
objs = [{1: 2}, {1: []}, [1], (1, 2), ([],), c, {"a": "b"}, set([1]), frozenset([1])]
for o in objs:
    a = copy.copy(o); b = copy.deepcopy(o)
    print(type(o).__name__, gc.is_tracked(o), gc.is_tracked(a), gc.is_tracked(b))
print(gc.is_tracked(copy.copy(c).__dict__), gc.is_tracked(copy.deepcopy(c).__dict__))
t = tuple([1, 2])
print(gc.is_tracked(t), gc.is_tracked(copy.deepcopy(t)))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(copy.deepcopy(([1],))[0]))
