# An attribute load, store or method load that once found an instance's
# inline value (or a method with no instance attribute in the way) is
# decided next time by the type's tag alone; every change that could make
# that answer wrong must still give CPython's answers.
import sys


class A:
    def __init__(self, x):
        self.x = x
        self.y = "y"

    def m(self):
        return "A.m"


class B:
    def __init__(self):
        self.y = "B.y"
        self.x = "B.x"

    def m(self):
        return "B.m"


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def call_m(o):
    return o.m()


def hot(f, *args):
    for _ in range(5):
        r = f(*args)
    return r


a = A(1)
print(hot(get_x, a), hot(call_m, a))
v = [2]
hot(set_x, a, v)
print(a.x is v, sys.getrefcount(v))

# __class__ changes the type: its shared names have another order.
a.__class__ = B
print(get_x(a), call_m(a), list(vars(a)))
a.__class__ = A

# A deleted attribute leaves an empty inline value.
del a.x
try:
    get_x(a)
except AttributeError as e:
    print("AttributeError:", e)
set_x(a, "back")
print(get_x(a), list(vars(a)))

# The instance dict is materialised, then written through.
a.__dict__["x"] = "via __dict__"
print(get_x(a))
vars(a)["m"] = lambda: "instance m"
print(call_m(a))
del a.__dict__["m"]
print(call_m(a))

# A method shadowed by an instance attribute on a fresh instance.
a2 = A(5)
print(hot(call_m, a2))
a2.m = lambda: "shadow"
print(call_m(a2))
del a2.m
print(call_m(a2))

# Many attributes: the shared names' quick test can no longer answer.
class Wide:
    def m(self):
        return "Wide.m"


w = Wide()
print(hot(call_m, w))
for k in range(80):
    setattr(w, "attr%d" % k, k)
print(hot(call_m, w))
w.m = lambda: "wide shadow"
print(call_m(w))

# The class gains a __getattribute__, a __setattr__, a property.
a3 = A(3)
print(hot(get_x, a3))
A.__getattribute__ = lambda self, name: "getattribute " + name
print(get_x(a3))
del A.__getattribute__
print(get_x(a3))
A.__setattr__ = lambda self, name, v: print("setattr", name, v)
set_x(a3, 4)
print(get_x(a3))
del A.__setattr__
set_x(a3, 5)
print(get_x(a3))


class Base:
    pass


class D(Base):
    def __init__(self):
        self.x = "D.x"


d = D()
print(hot(get_x, d))
Base.x = property(lambda self: "base property")
print(get_x(d))
del Base.x
print(get_x(d))

# A method replaced on the class, then removed.
print(hot(call_m, d) if hasattr(d, "m") else "no m")
D.m = lambda self: "D.m"
print(hot(call_m, d))
D.m = lambda self: "D.m again"
print(call_m(d))
del D.m
try:
    call_m(d)
except AttributeError as e:
    print("AttributeError:", e)

# Counts: the value loaded is the instance's own reference, plus one.
class C:
    pass


c = C()
c.v = object()


def load_v(o):
    return o.v


before = sys.getrefcount(c.v)
vals = [load_v(c) for _ in range(3)]
print(sys.getrefcount(c.v) - before)
