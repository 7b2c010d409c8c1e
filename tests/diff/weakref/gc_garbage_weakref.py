# A weak reference that is itself garbage in the same collection does not
# get its callback called; one that survives does.
import gc, weakref

class C:
    pass

gc.collect()
c = C()
c.self = c
# This ref is stored on the object itself: it is garbage too.
c.wr = weakref.ref(c, lambda w: print("never printed"))
keep = weakref.ref(c, lambda w: print("survivor's callback"))
del c
print(gc.collect())
print(keep())

# A callback that is part of the garbage's reach still runs if the ref lives.
d = C()
d.self = d
holder = [weakref.ref(d, lambda w: print("holder callback", len(holder)))]
del d
print(gc.collect())
