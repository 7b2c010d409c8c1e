# finalize on objects that die in a reference cycle, and a finalizer whose
# arguments are kept alive by the finalize object.
import gc, weakref

class Node:
    pass

gc.collect()
a, b = Node(), Node()
a.b = b; b.a = a
payload = ["data"]
f = weakref.finalize(a, print, "a finalized with", payload)
del payload
print(f.alive, f.peek()[2])
del a, b
print("collected:", gc.collect() >= 2)
print(f.alive, f.peek())
# Calling a finalizer early, then letting the object die: it runs once.
c = Node()
g = weakref.finalize(c, print, "c finalized")
g()
del c
print(g.alive)
