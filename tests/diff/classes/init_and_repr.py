class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

p = Point(1, 2)
print(p)
print(repr(p), str(p))
print([p, Point()])
print({"origin": Point()})
print(f"{p}", f"{p!r}")

class WithStr(Point):
    def __str__(self):
        return f"<{self.x}, {self.y}>"

w = WithStr(3, 4)
print(w, repr(w), [w])
print(str(w), format(w))
