# The same attribute instruction on instances with inline values while
# their class changes: a data descriptor, a class attribute, __setattr__
# and __getattr__ added later; instances of several classes at one site.


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Q:
    def __init__(self, b, a):
        self.b = b
        self.a = a


P(0, 0); Q(0, 0)


def get_a(o):
    return o.a


def set_a(o, v):
    o.a = v


p = P(1, 2)
q = Q(3, 4)
for o in [p, q, p, q]:
    print(type(o).__name__, get_a(o))
    set_a(o, get_a(o) + 10)
print(p.a, q.a, vars(p), vars(q))

p2 = P(5, 6)
print(get_a(p2))
P.a = "class attr"          # a non-data class attribute: the instance's wins
print(get_a(p2))
set_a(p2, 7)
print(get_a(p2), P.a)

p3 = P(8, 9)
print(get_a(p3))
P.a = property(lambda self: "property", lambda self, v: print("setter", v))
print(get_a(p3))            # a data descriptor comes first
set_a(p3, 10)
print(vars(p3))
del P.a
print(get_a(p3))

p4 = P(11, 12)
print(get_a(p4))
P.__setattr__ = lambda self, k, v: print("__setattr__", k, v)
set_a(p4, 13)
print(get_a(p4))
del P.__setattr__
set_a(p4, 14)
print(get_a(p4))


def get_c(o):
    return o.c


P.__getattr__ = lambda self, k: "missing " + k
print(get_c(p4), get_a(p4))
p4.c = 15
print(get_c(p4))
