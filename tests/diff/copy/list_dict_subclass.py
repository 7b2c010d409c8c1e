# list and dict subclasses: items come back through listitems/dictitems.
import copy

class Stack(list):
    def peek(self):
        return self[-1]

s = Stack([1, [2]])
s.name = "stack"
c = copy.copy(s)
print(type(c).__name__, c, c.name, c[1] is s[1], c.peek())
d = copy.deepcopy(s)
print(d, d[1] is s[1], d.name)
r = s.__reduce_ex__(2)
print(r[1], r[2], list(r[3]), r[4])

class Registry(dict):
    pass

g = Registry(a=[1], b=2)
g.owner = "me"
cg = copy.copy(g)
print(type(cg).__name__, cg, cg["a"] is g["a"], cg.owner)
dg = copy.deepcopy(g)
print(dg, dg["a"] is g["a"])
r = g.__reduce_ex__(2)
print(r[1], r[2], r[3], list(r[4]))

loop = Stack()
loop.append(loop)
cl = copy.deepcopy(loop)
print(cl[0] is cl, type(cl).__name__)

class MySet(set):
    pass

ms = MySet([1, 2])
cm = copy.copy(ms)
print(type(cm).__name__, sorted(cm))
