# References to operands while builtins call Python code: containment and
# comparison of lists and tuples, min/max/sorted with and without keys,
# map over Python functions and bound methods, filter.
import sys
class P:
    def __init__(self, n): self.n = n
    def __hash__(self):
        print("  hash", self.n, sys.getrefcount(self)); return 1
    def __eq__(self, o):
        print("  eq", self.n, sys.getrefcount(self), sys.getrefcount(o)); return False
    def __lt__(self, o):
        print("  lt", self.n, sys.getrefcount(self), sys.getrefcount(o)); return False
def show(l): print(l)
lst = [P("a"), P("b")]
show("list in"); print(P("x") in lst)
show("list.index"); 
try: lst.index(P("x"))
except ValueError: print("VE")
show("list.remove")
try: lst.remove(P("x"))
except ValueError: print("VE")
show("min"); min(lst)
show("max key"); max(lst, key=lambda v: v)
show("sorted"); sorted(lst)
def k(v):
    print("  key", sys.getrefcount(v), sys.getrefcount(k)); return 0
show("sorted key"); sorted(lst, key=k)
show("tuple in"); print(P("t") in tuple(lst))
show("dict keys view in"); d = {P("d"): 1}; print(P("d2") in d.keys())
show("items view in"); print((P("d3"), 1) in d.items())
show("frozenset hash"); print(hash(frozenset([P("f")])) != 0)
show("tuple eq"); print((P("p"),) == (P("q"),))
show("list eq"); print([P("p")] == [P("q")])
show("bisect-like via list sort"); l2 = [P("s1"), P("s2")]; l2.sort()
show("dict eq"); print({1: P("v1")} == {1: P("v2")})
class H:
    def m(self, v):
        print("  m", sys.getrefcount(v)); return v
def kk(v):
    print("  kk", sys.getrefcount(v)); return v
show("map bound python method"); list(map(H().m, [P("mm")]))
show("map builtin on items"); obs = [P("z")]
def cnt(x): return sys.getrefcount(x)
print(list(map(sys.getrefcount, obs)))
show("map two iterables"); list(map(lambda a, b: print("  ab", sys.getrefcount(a), sys.getrefcount(b)), [P(1)], [P(2)]))
show("filter python"); list(filter(kk, [P("fp")]))
show("min key"); min([P("mk")], key=kk)
show("sorted key kw"); sorted([P("sk"), P("sk2")], key=kk, reverse=True)
