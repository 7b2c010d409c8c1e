# Death in a reference cycle: the collector clears weak references and
# calls callbacks before any __del__ runs.
import gc, weakref

class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name, "refs dead:", ra() is None, rb() is None)

gc.collect()
a = N("a"); b = N("b")
a.other = b; b.other = a
ra = weakref.ref(a, lambda w: print("callback a", w() is None, ra() is None))
rb = weakref.ref(b, lambda w: print("callback b", w() is None, rb() is None))
del a, b
print("collect:", gc.collect())
print(ra(), rb())
