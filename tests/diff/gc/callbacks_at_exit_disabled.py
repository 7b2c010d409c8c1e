# With the collector disabled, the collection CPython 3.11 runs at exit
# while the modules are in place is skipped (no gc.callbacks); the
# shutdown collection still frees the cycle, and the weak reference,
# still alive then, gets its callback.
import gc, weakref

class N:
    pass

def cb(phase, info):
    print("gc callback", phase)

gc.callbacks.append(cb)
holder = []
y = N()
y.me = y
holder.append(weakref.ref(y, lambda w: print("weakref callback for y")))
del y
gc.disable()
print("end of program")
