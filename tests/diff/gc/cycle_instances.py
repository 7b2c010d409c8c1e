# Two instances referring to each other survive `del` and are found by
# gc.collect(); their __del__ runs during the collection.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("__del__", self.name)

gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("after del: nothing freed yet")
n = gc.collect()
print("collected", n)
print("second collect", gc.collect())

# A self-referencing instance.
s = Node("self")
s.other = s
del s
print("collected", gc.collect())

# A longer ring of 5 instances.
ring = [Node("r%d" % i) for i in range(5)]
for i in range(5):
    ring[i].other = ring[(i + 1) % 5]
del ring
print("collected", gc.collect())
