# Copying leaves CPython's counts on classes, attribute values and copies.
import copy, sys

class P:
    def __init__(self):
        self.tag = "t" * 3
        self.items = [1, 2]

class S:
    __slots__ = ("a", "b")

print(sys.getrefcount(P), sys.getrefcount(S))
p = P()
print(sys.getrefcount(P))
cs = [copy.copy(p) for _ in range(3)]
ds = [copy.deepcopy(p) for _ in range(3)]
print(sys.getrefcount(P), sys.getrefcount(p.tag), sys.getrefcount(p.items))
print([sys.getrefcount(c) for c in cs], [sys.getrefcount(d.items) for d in ds])
s = S()
s.a = [0]
s.b = "b"
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
print(sys.getrefcount(S), sys.getrefcount(s.a), sys.getrefcount(s3.a), s2.a is s.a)
print("__slotnames__" in P.__dict__, "__slotnames__" in S.__dict__, P.__slotnames__, S.__slotnames__)
del cs, ds, s2, s3
print(sys.getrefcount(P), sys.getrefcount(S), sys.getrefcount(p.items), sys.getrefcount(s.a))
