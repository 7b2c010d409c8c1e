# CPython 3.11 suggests a close attribute name for an AttributeError.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p.norm())
try:
    p.z
except AttributeError as e:
    print("caught:", e)
print(p.nor())
