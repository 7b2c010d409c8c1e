# __slots__ classes: slot values are copied through (dict, slots) state.
import copy

class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P([1], 2)
c = copy.copy(p)
print(c.x is p.x, c.y)
d = copy.deepcopy(p)
print(d.x == p.x, d.x is p.x)
print(p.__getstate__())
print(P.__slotnames__)

partial = P.__new__(P)
partial.y = 5
print(partial.__getstate__())
q = copy.copy(partial)
print(hasattr(q, "x"), q.y)

class Q(P):
    __slots__ = ("__secret", "z")

q = Q(1, 2)
q.z = 3
q._Q__secret = 4
print(q.__getstate__())
q2 = copy.deepcopy(q)
print(q2.x, q2.y, q2.z, q2._Q__secret)
print(Q.__slotnames__)

class WithDict:
    __slots__ = ("a", "__dict__")

w = WithDict()
w.a = 1
w.b = 2
print(w.__getstate__())
w2 = copy.copy(w)
print(w2.a, w2.b)

class Sub(P):
    pass

s = Sub(1, 2)
s.extra = "e"
print(s.__getstate__())
print(vars(copy.copy(s)), copy.copy(s).x)
