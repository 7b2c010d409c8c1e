# A cycle freed by the collector, then an uncaught exception.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

p = Node("p")
q = Node("q")
p.other = q
q.other = p
del p, q
print(gc.collect() >= 2)
s = "done"
print(s[10])
