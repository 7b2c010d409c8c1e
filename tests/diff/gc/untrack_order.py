# A full collection untracks tuples first, then dicts: a tuple whose only
# container is a dict stays tracked until the next collection.
import gc

d = {"a": 1}
gc.collect()
d["b"] = []          # a container makes the dict tracked
d.pop("b")
t = (d, 5)
print(gc.is_tracked(d), gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(t))
gc.collect(1)
print(gc.is_tracked(d), gc.is_tracked(t))
