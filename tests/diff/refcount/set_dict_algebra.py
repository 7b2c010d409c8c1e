# References on keys during set algebra, dict views, dict comparison and
# dict.__contains__, seen from __hash__ and __eq__, and which of those run.
import sys
class P:
    def __init__(self, n): self.n = n
    def __hash__(self):
        print("  hash", self.n, sys.getrefcount(self)); return 1
    def __eq__(self, o):
        print("  eq", self.n, sys.getrefcount(self), sys.getrefcount(o)); return self.n == o.n
def show(l): print(l)
a = {P("a")}; b = {P("b"), P("a")}
show("or"); c = a | b
show("and"); c = a & b
show("sub"); c = b - a
show("xor"); c = a ^ b
show("issubset"); print(a <= b)
show("eq"); print(a == b)
show("keys and"); d = {P("k"): 1}; print(len(d.keys() & b))
show("dict contains method"); print(d.__contains__(P("k")))
show("dict eq"); print(d == {P("k"): 1})
show("frozenset of set"); f = frozenset(b)
show("set.union list"); c = a.union([P("u")])
