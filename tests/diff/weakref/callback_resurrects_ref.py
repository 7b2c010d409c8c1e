# The weak reference passed to a callback may be kept; it stays dead.
import weakref

class C:
    pass

kept = []
c = C()
r = weakref.ref(c, kept.append)
del r          # the callback is only called if the ref is still alive
del c
print(kept)
c = C()
r = weakref.ref(c, kept.append)
del c
print(len(kept), kept[0] is r, kept[0]())
# A callback may make a new weak reference to something else.
others = []
d, e = C(), C()
def cb(w):
    others.append(weakref.ref(e))
rd = weakref.ref(d, cb)
del d
print(len(others), others[0]() is e)
