# An exception in a callback is reported as unraisable and execution
# goes on.
import weakref, sys

class C:
    pass

def bad(wr):
    raise RuntimeError("callback failed")

c = C()
r = weakref.ref(c, bad)
r2 = weakref.ref(c, lambda w: print("second callback still runs"))
del c
print("continuing")
try:
    raise KeyError("outer")
except KeyError:
    d = C()
    r3 = weakref.ref(d, lambda w: print("callback sees", sys.exc_info()[0].__name__ if sys.exc_info()[0] else None))
    del d
    print("still handling", sys.exc_info()[0].__name__)
