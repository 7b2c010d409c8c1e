# weakref.ref: calling returns the object while it lives, None after.
import weakref, sys

class Thing:
    def __init__(self, name):
        self.name = name

t = Thing("a")
r = weakref.ref(t)
print(r() is t, r().name)
print(type(r).__name__, type(r).__module__, weakref.ref is weakref.ReferenceType)
print(sys.getrefcount(t))          # a weak reference does not count
del t
print(r())
print(r() is None)
# A temporary dies at once.
r2 = weakref.ref(Thing("temp"))
print(r2())
# A callback-less ref to the same object is shared.
u = Thing("u")
print(weakref.ref(u) is weakref.ref(u))
print(weakref.ref(u, None) is weakref.ref(u))
print(weakref.ref(u, print) is weakref.ref(u, print))
print(weakref.getweakrefcount(u))
