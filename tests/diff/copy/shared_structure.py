# Objects reached twice are copied once.
import copy, sys

shared = [1, 2, 3]
data = {"a": shared, "b": shared, "c": [shared, (shared,)]}
c = copy.deepcopy(data)
print(c["a"] is c["b"], c["c"][0] is c["a"], c["c"][1][0] is c["a"], c["a"] is shared)
print(sys.getrefcount(c["a"]), sys.getrefcount(shared))

class Node:
    def __init__(self, v):
        self.v = v
        self.children = []

root = Node(0)
leaf = Node(1)
root.children = [leaf, leaf]
r2 = copy.deepcopy(root)
print(r2.children[0] is r2.children[1], r2.children[0] is leaf, r2.children[0].v)
print(type(r2).__name__, r2.__dict__.keys())
print(sys.getrefcount(r2.children[0]))

key = (1, 2)
m = {key: [key]}
m2 = copy.deepcopy(m)
k2 = list(m2)[0]
print(k2 is key, m2[k2][0] is key)
