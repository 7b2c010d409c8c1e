# PEP 442: __del__ runs once per object, even when a cycle is collected
# after being resurrected.
import gc

saved = []

class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("__del__", self.name, "finalized:", gc.is_finalized(self))
        saved.append(self)

gc.collect()
p = Phoenix("p")
print("finalized before:", gc.is_finalized(p))
del p
print("collect 1:", gc.collect())
print("resurrected:", [x.name for x in saved])
print("finalized after:", gc.is_finalized(saved[0]))
saved.clear()
print("collect 2:", gc.collect())
print("saved again:", len(saved))

class Once:
    def __del__(self):
        print("Once.__del__")
o = Once()
o.cycle = o
del o
print("collect:", gc.collect())
print("collect again:", gc.collect())
