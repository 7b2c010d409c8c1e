import sys

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point([1], [2])
print(sys.getrefcount(p))
print(sys.getrefcount(p.x))
q = p
print(sys.getrefcount(p))
points = [p] * 5
print(sys.getrefcount(p))
points = None
print(sys.getrefcount(p))
inner = p.x
print(sys.getrefcount(inner))
p.x = None
print(sys.getrefcount(inner))
