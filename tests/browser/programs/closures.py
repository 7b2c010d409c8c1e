# Closures (cells), defaults, classes, instances, bound methods.
def counter(start=0, step=1):
    n = start
    def bump():
        nonlocal n
        n += step
        return n
    return bump

c = counter(10)
c()
c()

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
m = p.norm2
print(m(), c())
