# A generator's __name__ and __qualname__ are its function's own str
# objects (CPython 3.11 shares them: each live generator holds a reference
# to them), taken when the generator is made.
import sys


def gen():
    yield 1


class C:
    def method_gen(self):
        yield 2


n = gen.__name__
q = gen.__qualname__
before_n = sys.getrefcount(n)
before_q = sys.getrefcount(q)
gs = [gen() for _ in range(5)]
print("name refs added:", sys.getrefcount(n) - before_n)
print("qualname refs added:", sys.getrefcount(q) - before_q)
print(gs[0].__name__ is gen.__name__, gs[0].__qualname__ is gen.__qualname__)
del gs
print("after del:", sys.getrefcount(n) - before_n, sys.getrefcount(q) - before_q)

m = C().method_gen()
print(m.__name__, m.__qualname__, m.__qualname__ is C.method_gen.__qualname__)

g1 = gen()
gen.__name__ = "renamed"
gen.__qualname__ = "Renamed.gen"
g2 = gen()
print(g1.__name__, g1.__qualname__, g2.__name__, g2.__qualname__)
print(g2.__name__ is gen.__name__)

ge = (x for x in range(3))
print(ge.__name__, ge.__qualname__)
g2.__name__ = "set_on_generator"
print(g2.__name__, gen.__name__)
