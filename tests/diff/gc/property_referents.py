# A property's referents: its functions and its docstring, None included
# when the getter has none (CPython keeps that None object).
import gc
def f(): pass
def g():
    "doc"
n = lambda o: [type(x).__name__ for x in gc.get_referents(o)]
print(n(property(f)), n(property(g)), n(property()), n(property(f, doc="x")), n(property(None, f)), n(property(f, f, f, None)))
class C:
    p = property(f)
print(n(C.__dict__["p"]))
