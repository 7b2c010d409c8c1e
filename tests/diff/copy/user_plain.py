# Plain user classes are copied through __reduce_ex__(4) with their __dict__.
import copy, sys

class Point:
    def __init__(self, x, y):
        print("init called")
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

p = Point([1], 2)
c = copy.copy(p)
print(c, c is p, type(c) is Point, c.x is p.x, c.__dict__ == p.__dict__, c.__dict__ is p.__dict__)
d = copy.deepcopy(p)
print(d, d.x is p.x, d.x == p.x)
print(sys.getrefcount(c), sys.getrefcount(d), sys.getrefcount(p.x))
print(Point.__dict__.get("__slotnames__"))

class Empty:
    pass

e = Empty()
e2 = copy.copy(e)
print(type(e2).__name__, e2.__dict__, e2 is e)
e3 = copy.deepcopy(e)
print(e3.__dict__)

e.later = {"k": [1]}
e4 = copy.deepcopy(e)
print(e4.later, e4.later is e.later, e4.later["k"] is e.later["k"])
