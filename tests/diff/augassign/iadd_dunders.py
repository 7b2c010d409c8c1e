class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        print("__iadd__")
        self.v += other
        return self
    def __add__(self, other):
        print("__add__")
        return Acc(self.v + other)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        print("OnlyAdd.__add__")
        return OnlyAdd(self.v + other)

a = Acc(1)
before = a
a += 5
print(a.v, a is before)
o = OnlyAdd(1)
before = o
o += 5
print(o.v, o is before)

class ReturnsOther:
    def __iadd__(self, other):
        return "replaced"

r = ReturnsOther()
r += 1
print(r)

class NotImpl:
    def __iadd__(self, other):
        return NotImplemented
    def __radd__(self, other):
        return "fallback"

x = 5
x += NotImpl()
print(x)
