# LOAD_ATTR/STORE_ATTR remember where an attribute was found; every way
# of moving or shadowing it must still give CPython's answers.


class A:
    def __init__(self):
        self.x = 1
        self.y = 2


class B:
    def __init__(self):
        self.y = "B.y"          # a different entry order
        self.x = "B.x"


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


objs = [A(), B(), A(), B()]
print([get_x(o) for o in objs])
for i, o in enumerate(objs):
    set_x(o, i)
print([get_x(o) for o in objs], [o.y for o in objs])

a = A()
del a.x                          # the entry is gone
try:
    get_x(a)
except AttributeError as e:
    print("AttributeError:", e)
set_x(a, "re-added")             # now after y
print(get_x(a), list(vars(a)))

# A data descriptor added to the class later takes precedence.
a2 = A()
print(get_x(a2))
A.x = property(lambda self: "property wins", lambda self, v: print("setter got", v))
print(get_x(a2))
set_x(a2, 99)
print(a2.__dict__["x"])
del A.x
print(get_x(a2))

# A non-data descriptor (method) is shadowed by the instance dict.
class C:
    def m(self):
        return "method"


c = C()
print(c.m())
c.m = lambda: "instance attribute"
print(c.m())
del c.m
print(c.m())

# Replacing __dict__ wholesale.
a3 = A()
a3.__dict__ = {"x": "new dict"}
print(get_x(a3))
try:
    print(a3.y)
except AttributeError as e:
    print("AttributeError:", e)

# Instances whose dict has many keys (the table is resized).
class Wide:
    pass


w = Wide()
for k in range(30):
    setattr(w, "a%d" % k, k)
w.x = "wide"
print(get_x(w))
for k in range(30):
    delattr(w, "a%d" % k)
print(get_x(w), len(vars(w)))

# __slots__ classes and classes with __getattr__ use the same code.
class S:
    __slots__ = ("x",)


s = S()
set_x(s, "slot")
print(get_x(s))


class G:
    def __getattr__(self, name):
        return "getattr " + name


g = G()
print(get_x(g))
set_x(g, "real")
print(get_x(g))

# Class attribute changes are seen through the type cache.
class K:
    x = "class attr"


k = K()
print(get_x(k))
K.x = "changed"
print(get_x(k))
k.x = "instance"
print(get_x(k))
del k.x
del K.x
try:
    get_x(k)
except AttributeError as e:
    print("AttributeError:", e)


class Base:
    x = "base"


class Derived(Base):
    pass


d = Derived()
print(get_x(d))
Base.x = "base changed"
print(get_x(d))
Derived.x = "derived"
print(get_x(d))
Derived.__bases__ = (object,) if False else Derived.__bases__
del Derived.x
print(get_x(d))
