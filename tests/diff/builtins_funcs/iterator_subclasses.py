# Subclasses of enumerate, zip, map, filter and reversed make instances of
# the subclass (with a __dict__, their own __next__ honoured).
class E(enumerate):
    pass
class Z(zip):
    def __next__(self):
        return ("z",) + super().__next__()
class M(map):
    pass
class F(filter):
    extra = 1
class R(reversed):
    pass
e = E("xy", 1)
print(type(e).__name__, list(e), isinstance(e, enumerate))
print(type(Z([1], [2])).__name__, list(Z([1, 2], [3, 4])))
m = M(str, [1, 2]); m.tag = "t"
print(type(m).__name__, list(m), m.tag, m.__dict__)
print(type(F(None, [0, 1])).__name__, list(F(None, [0, 1, 2])), F.extra)
r = R((1, 2, 3))
print(type(r).__name__, list(r))
print(type(R([1, 2])).__name__, list(R([1, 2])))
import gc
x = E([1]); x.me = x
del x
print(gc.collect() >= 1)
for t in [type(iter([])), type(iter(range(3))), type(iter({})), type(iter("ab")), type(iter(())), type(reversed([]))]:
    try:
        class X(t):
            pass
        print(t.__name__, "subclassed")
    except TypeError as e:
        print(t.__name__, "TypeError", e)
class M(map): pass
class E(enumerate): pass
class Z(zip): pass
class F(filter): pass
class R(reversed): pass
for obj in [M(str, [1]), E([1]), Z([1], [2]), F(None, [1]), R([1, 2])]:
    print(type(obj).__name__, iter(obj) is obj, next(obj), repr(obj).split(" object")[0], obj.__reduce__()[0].__name__ if hasattr(obj, "__reduce__") else None)
    print(" ", obj.__length_hint__() if hasattr(obj, "__length_hint__") else "-", list(iter(obj)), obj.__iter__() is obj)
    import sys
    print(" ", sys.getsizeof(obj) > 0, hash(obj) == hash(obj), obj == obj, bool(obj), str(obj)[:3])
