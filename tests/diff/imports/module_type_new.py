# types.ModuleType(name, doc=None): module.__new__ and module.__init__
# (argument errors worded as CPython's), reprs without a file, subclasses
# (attributes in the module's namespace, with or without __slots__),
# weak references, a module put into sys.modules by hand.
import types, sys, gc, weakref
class Sub(types.ModuleType):
    """A module subclass."""
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def hello(self):
        return "hello " + self.__name__
s = Sub("s", 5)
s.y = 2
print(type(s).__name__, s.__name__, s.extra, s.y, sorted(vars(s)), s.__dict__ is vars(s), s.hello())
print(repr(s), isinstance(s, types.ModuleType), s.__doc__)
del s.y
print(hasattr(s, "y"), gc.is_tracked(s))
r = weakref.ref(s)
print(r() is s)
del s
print(r())
m = types.ModuleType("m")
m.x = 1
print(m, m.x, sorted(m.__dict__))
m.__init__("renamed", "d")
print(m.__name__, m.__doc__, m.x, m)
for args, kw in [(("a", "b", "c"), {}), ((), {"name": "k", "doc": 3, "other": 1}), ((), {}), ((1,), {}), (("a",), {"nam": 1})]:
    try:
        types.ModuleType(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
print(types.ModuleType(name="k", doc=3).__doc__)
e = types.ModuleType.__new__(types.ModuleType)
print(sorted(e.__dict__), repr(e))
print(sys.getrefcount(m), sys.getrefcount(m.__dict__), sys.getsizeof(m) == sys.getsizeof(sys))
print(gc.is_tracked(m), repr(sys), repr(gc))
sys.modules["fake_mod"] = types.ModuleType("fake_mod")
import fake_mod
print(fake_mod, fake_mod is sys.modules["fake_mod"])
class Slotted(types.ModuleType):
    __slots__ = ("a",)
sl = Slotted("sl")
sl.a = 1
sl.b = 2
print(sl.a, sl.b, sorted(vars(sl)))
