# Reading and writing __slots__ members from the same instructions while
# classes, instances and descriptors change under them.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    __slots__ = ("z",)


class R(P):
    pass


def read(o):
    return o.x, o.y


def write(o, v):
    o.x = v


objs = [P(1, 2), Q(3, 4), R(5, 6)]
for o in objs * 2:
    write(o, read(o)[0] * 10)
    print(type(o).__name__, read(o))

p = P(7, 8)
del p.x
try:
    read(p)
except AttributeError as e:
    print("AttributeError", e)
write(p, 9)
print(read(p))

r = R(1, 1)
r.w = 5
print(r.w, read(r))


class Prop:
    def __get__(self, obj, cls):
        return "prop"

    def __set__(self, obj, v):
        print("set via descriptor", v)


for i in range(3):
    if i == 1:
        P.x = Prop()
    o = P.__new__(P)
    try:
        write(o, i)
        print(i, read(o))
    except AttributeError as e:
        print(i, "AttributeError", e)


class A:
    __slots__ = ("v",)


class B:
    __slots__ = ("v",)


a = A()
a.v = 1


def getv(o):
    return o.v


print(getv(a))
a.__class__ = B
print(getv(a), type(a).__name__)
b = B()
try:
    getv(b)
except AttributeError as e:
    print("AttributeError", e)
