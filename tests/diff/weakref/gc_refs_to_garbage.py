# A callback that runs during a collection sees every weak reference to
# the garbage already cleared, and may itself create new objects.
import gc, weakref

class N:
    pass

gc.collect()
a, b = N(), N()
a.b = b; b.a = a
created = []
def cb(wr):
    created.append([ra() is None, rb() is None, N()])
ra = weakref.ref(a, cb)
rb = weakref.ref(b, cb)
del a, b
n = gc.collect()
print(n, [x[:2] for x in created])
print(len(created), all(isinstance(x[2], N) for x in created))
print(gc.collect())
