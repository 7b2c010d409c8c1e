# Instance attributes as CPython 3.11 keeps them before a __dict__ is asked
# for (inline values): reads, sizes, counts, stores out of order, deletion.
import sys, gc


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


first = P(1, 2)
ps = [P(i, [i]) for i in range(5)]
p = ps[3]
print(p.a, p.b, getattr(p, "".join(["a"])), hasattr(p, "c"), getattr(p, "c", "dflt"))
print(sys.getsizeof(p), sys.getrefcount(p.b))
print(gc.is_tracked(p), len(gc.get_referents(p)), gc.get_referents(p)[:2] == [3, [3]])
print(p in gc.get_referrers(p.b))

# Out of order: b before a.
class Q:
    def __init__(self, first):
        if first:
            self.a = 1
            self.b = 2
        else:
            self.b = 3
            self.a = 4

q1 = Q(True)
q2 = Q(False)
q3 = Q(True)
print(list(vars(q2)), list(vars(q3)), q2.a, q2.b, q3.a, q3.b)
print(sys.getsizeof(q2.__dict__), sys.getsizeof(q3.__dict__))

# Missing first attribute, then later ones.
class R:
    pass

r0 = R()
r0.x = 1; r0.y = 2; r0.z = 3
r1 = R()
r1.y = 5
r1.x = 6
print(list(vars(r1)), r1.x, r1.y)
r2 = R()
r2.x = 7; r2.y = 8; r2.z = 9; r2.w = 10
print(list(vars(r2)), r2.w, sys.getsizeof(vars(r2)))

# Deletion, re-adding, deleting a missing name.
s = P(10, 20)
del s.a
print(list(vars(s)), hasattr(s, "a"))
s.a = 30
print(list(vars(s)), s.a)
t = P(1, 2)
try:
    del t.nope
except AttributeError as e:
    print("AttributeError", e)
print(list(vars(t)))
