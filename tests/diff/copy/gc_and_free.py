# Copies are freed as CPython frees them; deep copies of cycles need gc.
import copy, gc
gc.collect()  # whatever importing left behind is not part of the test

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

n = Noisy("orig")
c = copy.copy(n)
c.name = "copy"
del c
print("after del copy")
d = copy.deepcopy(n)
d.name = "deep"
d = None
print("after deep")

ring = [Noisy("ring")]
ring.append(ring)
r2 = copy.deepcopy(ring)
r2[0].name = "ring copy"
del r2
print("collected", gc.collect())
del ring
print("collected", gc.collect())
print("end")
