# WeakKeyDictionary: entries vanish when their keys die; keys compare by
# equality.
import weakref

class K:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return isinstance(o, K) and o.n == self.n
    def __hash__(self):
        return hash(self.n)
    def __repr__(self):
        return "K(%d)" % self.n

d = weakref.WeakKeyDictionary()
ks = [K(i) for i in range(3)]
for k in ks:
    d[k] = k.n * 10
print(len(d), d[K(1)], K(2) in d, K(7) in d, 5 in d, d.get(K(0)))
del ks[0]
print(len(d), sorted(d.values()), sorted(k.n for k in d.keys()))
print(sorted((k.n, v) for k, v in d.items()))
print(d.pop(K(1)), len(d))
print(d.setdefault(ks[1], "x"), d.setdefault(K(5) if False else ks[1], "y"))
print(len(d.keyrefs()))
del d[ks[1]]
print(len(d))
try:
    d[ks[0]]
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
d.update({ks[0]: "back"})
print(d[ks[0]], type(d).__name__, repr(d).startswith("<WeakKeyDictionary at 0x"))
try:
    d[1] = 2
except TypeError as e:
    print("TypeError", e)
ks.clear()
print(len(d), list(d.items()))
