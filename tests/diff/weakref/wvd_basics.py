# WeakValueDictionary: entries vanish when their values die.
import weakref

class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "V(%d)" % self.n

d = weakref.WeakValueDictionary()
vs = [V(i) for i in range(4)]
for v in vs:
    d[v.n] = v
print(len(d), sorted(d.keys()), d[2], d.get(9), d.get(1))
print(3 in d, 7 in d)
del vs[1]
print(len(d), sorted(d), 1 in d)
try:
    d[1]
except KeyError as e:
    print("KeyError", e)
vs.clear()
print(len(d), list(d.items()))
keep = V(5)
d["k"] = keep
print(d.pop("k") is keep, len(d))
print(d.setdefault("s", keep) is keep, d["s"])
d.update({"u": keep}, w=keep)
print(sorted(d.keys()), sorted(x.n for x in d.values()))
print(d.popitem()[1] is keep)
print(type(d).__name__, repr(d).startswith("<WeakValueDictionary at 0x"))
c = d.copy()
print(type(c).__name__, sorted(c.keys()))
del keep
print(len(d), len(c))
