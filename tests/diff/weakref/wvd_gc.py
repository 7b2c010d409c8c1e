# Weak containers and the cycle collector: entries whose objects die in a
# collection disappear during it.
import gc, weakref

class Node:
    def __init__(self, name):
        self.name = name

gc.collect()
registry = weakref.WeakValueDictionary()
keys = weakref.WeakKeyDictionary()
members = weakref.WeakSet()
a, b = Node("a"), Node("b")
a.peer = b; b.peer = a
for n in (a, b):
    registry[n.name] = n
    keys[n] = n.name
    members.add(n)
print(len(registry), len(keys), len(members))
del a, b, n
print(len(registry), len(keys), len(members))
print(gc.collect())
print(len(registry), len(keys), len(members), sorted(registry.keys()))
