# An object dies by reference count: __del__ first, then the callbacks; the
# callbacks cannot reach the object.
import weakref, sys

class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("__del__", self.n, "ref alive inside __del__:", r() is self)

x = Res(1)
r = weakref.ref(x, lambda w: print("callback: ref is dead:", w() is None, "r() is", r()))
print(sys.getrefcount(x))
x = None
print("after rebinding")

# Resurrection in __del__ keeps the weak references alive.
saved = []
class Phoenix:
    def __del__(self):
        saved.append(self)
ph = Phoenix()
rp = weakref.ref(ph, lambda w: print("phoenix callback"))
del ph
print("resurrected:", rp() is saved[0])
saved.clear()
print("gone:", rp())
