# Leaving the inline values (CPython 3.11): the __dict__ asked for,
# replaced, deleted; __class__ assignment; more names than the room.
import sys, gc


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


P(0, 0)

# The dict, once asked for, is the attributes: both ways, same object.
u = P(5, 6)
d = u.__dict__
u.c = 7
print(d is u.__dict__, d, sys.getsizeof(d))
d["e"] = 8
print(u.e, list(vars(u)))
d[1] = "int key"
print(u.__dict__[1], u.a)
gc.collect()
print(gc.is_tracked(d))

# Replacing and deleting __dict__.
v = P([1], [2])
old_b = v.b
print(sys.getrefcount(old_b))
v.__dict__ = {"z": 1}
print(vars(v), sys.getrefcount(old_b))
del v.__dict__
print(vars(v))
v.a = 3
print(vars(v))

# __class__ assignment between classes with different names.
class A1:
    def __init__(self):
        self.x = 1
        self.y = 2

class A2:
    def __init__(self):
        self.y = 3
        self.x = 4

A1(); A2()
a = A1()
a.__class__ = A2
print(a.x, a.y, list(vars(a)), type(a).__name__)
a2 = A2()
a2.__class__ = A1
a2.z = 5
print(a2.x, a2.y, a2.z, list(vars(a2)))

# Many attributes, past the room an instance was made with.
class M:
    pass

m0 = M()
for i in range(12):
    setattr(m0, f"f{i}", i)
m1 = M()
for i in range(40):
    setattr(m1, f"f{i}", i)
print(m1.f0, m1.f39, len(vars(m1)), sys.getsizeof(vars(m1)), sys.getsizeof(vars(m0)))
