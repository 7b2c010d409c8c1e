# Weak references to functions, classes, methods, sets, modules, code.
import weakref, gc

def f():
    return 1
class K:
    def m(self):
        pass
for o in [f, K, K.m, set([1]), frozenset(), weakref, f.__code__, print]:
    r = weakref.ref(o)
    print(type(o).__name__, r() is o)
s = {1, 2}
rs = weakref.ref(s)
del s
print(rs())
k = K()
bm = k.m
rb = weakref.ref(bm)
print(rb() is bm)
del bm
print(rb())
class Temp:
    pass
rt = weakref.ref(Temp)
del Temp
gc.collect()
print(rt())
