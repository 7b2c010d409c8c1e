class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y)

p = Point(1, 2)
q = p.moved(3)
r = q
pts = [p, q, r]
try:
    1 / 0
except ZeroDivisionError as e:
    msg = str(e)
