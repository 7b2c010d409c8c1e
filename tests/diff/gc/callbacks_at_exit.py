# When the program has ended, CPython 3.11 runs a full collection with
# gc.callbacks while the modules are still in place (a weak reference kept
# by a global still gets its callback), then the shutdown collection
# without callbacks.
import gc, weakref

class N:
    pass

def cb(phase, info):
    print("gc callback", phase, "generation", info["generation"], "collected", info["collected"] > 0)

gc.callbacks.append(cb)
holder = []
y = N()
y.me = y
holder.append(weakref.ref(y, lambda w: print("weakref callback for y")))
del y
print("end of program")
