# Callbacks in a collection run object by object (in the collector's
# order), each object's weak references newest first.
import gc, weakref

class X:
    pass

gc.collect()
objs = [X() for i in range(3)]
for i, o in enumerate(objs):
    o.next = objs[(i + 1) % 3]
refs = []
for i, o in enumerate(objs):
    for j in range(2):
        refs.append(weakref.ref(o, lambda w, i=i, j=j: print("callback", i, j)))
del o
objs.clear()
print(gc.collect())
print([r() for r in refs])
