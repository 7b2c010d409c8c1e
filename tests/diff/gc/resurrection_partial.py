# A finalizer that resurrects part of a cycle: what it saved survives,
# the rest of the garbage is cleared.
import gc
gc.collect()
keep = []

class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        if self.name == "a":
            keep.append(self)

a = A("a")
b = A("b")
a.b = b
b.a = a
del a, b
n = gc.collect()
print("collected", n)
print(len(keep), keep[0].name, keep[0].b.name, keep[0].b.a is keep[0])
keep.clear()
print("collected", gc.collect())
