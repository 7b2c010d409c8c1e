# References held on keys while containers are built, updated and copied
# (displays, comprehensions, update, fromkeys, copy, set algebra), seen
# with sys.getrefcount from __hash__ and __eq__, and which of those run.
import sys
class P:
    def __init__(self, n): self.n = n
    def __hash__(self):
        print("  hash", self.n, sys.getrefcount(self)); return 1
    def __eq__(self, o):
        print("  eq", self.n, sys.getrefcount(self), sys.getrefcount(o)); return self.n == o.n
def show(l): print(l)
s = {P("a")}
show("update list"); s.update([P("b")])
show("difference_update"); s.difference_update([P("z")])
show("intersection"); print(len(s.intersection([P("a")])))
show("issuperset"); print(s.issuperset([P("a")]))
show("isdisjoint"); print(s.isdisjoint([P("q")]))
show("set(list)"); t = set([P("x"), P("x")])
show("frozenset"); fz = frozenset([P("y")])
show("in frozenset"); print(P("y") in fz)
show("symdiff update"); s.symmetric_difference_update([P("c")])
d = {P("k"): 1}
show("fromkeys"); print(len(dict.fromkeys([P("f"), P("f")])))
show("update dict"); d.update({P("u"): 2})
show("update pairs"); d.update([(P("v"), 3)])
show("dict(kw list)"); print(len(dict([(P("w"), 1)])))
show("keys in"); print(P("k") in d.keys())
show("pop default"); print(d.pop(P("nope"), 0))
show("popitem"); d.popitem()
show("dict |"); print(len(d | {P("o"): 1}))
show("dict literal"); e = {P("l1"): 1, P("l1"): 2}
show("set literal"); e = {P("s1"), P("s1")}
show("set comp"); e = {P("c") for i in range(2)}
show("dict comp"); e = {P("dc"): i for i in range(2)}
show("globals-like dict get via getitem"); print(d[P("k")])
show("copy"); c = d.copy()
show("dict(d)"); c = dict(d)
show("empty update"); c = {}; c.update(d)
show("{**d}"); c = {**d}
q = P("named")
show("named dict display"); e = {q: 1}
show("named set display"); e = {q}
show("named dict setitem"); e = {}; e[q] = 1
show("named getitem"); print(e[q])
show("set update from a generator"); s.update(P("g") for i in range(1))
show("set from a dict"); print(len(set({P("sd"): 1, P("sd2"): 2})))
