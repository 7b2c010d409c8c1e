# Objects that refer to themselves, directly or through containers.
import copy

class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
        self.peers = [self]

n = Node("n")
c = copy.deepcopy(n)
print(c is n, c.me is c, c.peers[0] is c, c.name)
s = copy.copy(n)
print(s is n, s.me is n, s.peers is n.peers)

a = Node("a")
b = Node("b")
a.other = b
b.other = a
pair = copy.deepcopy([a, b])
print(pair[0].other is pair[1], pair[1].other is pair[0], pair[0] is a)

class Slotted:
    __slots__ = ("ref", "val")

x = Slotted()
x.ref = x
x.val = [x]
y = copy.deepcopy(x)
print(y.ref is y, y.val[0] is y, y is x)

d = {}
d["list"] = [d, d]
e = copy.deepcopy(d)
print(e["list"][0] is e, e["list"][1] is e)
