# A load or store of a __slots__ member, once found through the member
# descriptor, is decided next time by the type's tag alone; every change
# that could make that wrong must still give CPython's answers.
import sys


class P:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Q(P):
    __slots__ = ("c",)

    def __init__(self):
        super().__init__("Qa", "Qb")
        self.c = "Qc"


class R:
    __slots__ = ("b", "a")      # the same names at other indices


def get_a(o):
    return o.a


def set_a(o, v):
    o.a = v


def hot(f, *args):
    for _ in range(5):
        r = f(*args)
    return r


p = P(1, 2)
print(hot(get_a, p), hot(get_a, Q()))
hot(set_a, p, [1])
print(p.a, sys.getrefcount(p.a))

r = R()
r.a, r.b = "Ra", "Rb"
print(hot(get_a, r), get_a(p), get_a(r))
set_a(r, "Ra2")
print(r.a, r.b, p.a, p.b)

# An empty slot raises; a __getattr__ then answers.
p2 = P(3, 4)
print(hot(get_a, p2))
del p2.a
try:
    get_a(p2)
except AttributeError as e:
    print("AttributeError:", e)
set_a(p2, "again")
print(get_a(p2))


class G(P):
    __slots__ = ()

    def __getattr__(self, name):
        return "getattr " + name


g = G(5, 6)
print(hot(get_a, g))
del g.a
print(get_a(g))

# The member descriptor is replaced on the class, then restored.
saved = P.__dict__["a"]
p3 = P(7, 8)
print(hot(get_a, p3))
P.a = property(lambda self: "property", lambda self, v: print("setter", v))
print(get_a(p3))
set_a(p3, 9)
P.a = saved
print(get_a(p3))
set_a(p3, 10)
print(get_a(p3))

# __class__ between layout-compatible slot classes.
class P2(P):
    __slots__ = ()

    @property
    def a(self):
        return "P2 property"


p4 = P(11, 12)
print(hot(get_a, p4))
p4.__class__ = P2
print(get_a(p4))
p4.__class__ = P
print(get_a(p4))

# A __setattr__ on a subclass intercepts stores.
class S(P):
    __slots__ = ()

    def __setattr__(self, name, v):
        print("S.__setattr__", name, v)
        object.__setattr__(self, name, v)


s = S(13, 14)
hot(set_a, p4, "plain")
set_a(s, "through")
print(get_a(s), get_a(p4))
