# Proxies support the referent's operators, on either side.
import weakref

class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o):
        return Num(o + self.v)
    def __mul__(self, o):
        return self.v * o
    def __neg__(self):
        return -self.v
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, Num) else o)
    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, Num) else o)
    def __bool__(self):
        return self.v != 0
    def __abs__(self):
        return abs(self.v)
    def __index__(self):
        return self.v
    __hash__ = None

a, b = Num(3), Num(4)
pa, pb = weakref.proxy(a), weakref.proxy(b)
print((pa + 1).v, (1 + pa).v, (pa + pb).v, pa * 5, -pa)
print(pa < pb, pa < 2, Num(1) < pa, pa == 3, pa == pb, pa != 3)
print(bool(pa), bool(weakref.proxy(Num(0)) if False else Num(0)), abs(pa))
print([10, 20, 30, 40][pa])
try:
    hash(pa)
except TypeError as e:
    print("TypeError", e)
x = pa
x += 1
print(type(x).__name__, x.v, pa.v)
del a
try:
    pa + 1
except ReferenceError as e:
    print("ReferenceError", e)
try:
    bool(pa)
except ReferenceError as e:
    print("ReferenceError", e)
