# sys.getrefcount of one object through the everyday constructs: loops,
# enumerate/zip/items, comprehensions, unpacking, except, defaults, closures,
# slices, sorted/max keys, sets, map/filter/reversed, dict and list methods.
import sys
class O:
    def __repr__(self): return "O"
o = O()
r = lambda: sys.getrefcount(o)
print("base", r())
for x in [o]:
    print("for", r())
for i, x in enumerate([o]):
    print("enumerate", r())
for a, b in zip([o], [o]):
    print("zip", r())
d = {o: o}
for k in d:
    print("dict iter", r())
for k, v in d.items():
    print("items", r())
del d, k, v, a, b, x
print([r() for y in [o]])
print({r() for y in [o]})
print(list(r() for y in [o]))
g = (y for y in [o])
print("genexpr made", r())
next(g)
print("genexpr advanced", r())
del g
t = (o, o)
print("tuple", r())
a, b = t
print("unpacked", r())
del a, b, t
try:
    raise ValueError(o)
except ValueError as e:
    print("except", r())
print("after except", r())
def deflt(x=o):
    return sys.getrefcount(x)
print("default", r(), deflt())
def outer():
    c = o
    def inner():
        return sys.getrefcount(c)
    return inner
inn = outer()
print("closure", r(), inn())
l = [o] * 3
print("list mul", r())
l2 = l[:]
print("slice", r())
l3 = sorted(l, key=lambda z: sys.getrefcount(z))
print("sorted", r())
print("max", max([o, o], key=lambda z: 0) is o, r())
s = {o}
print("set", r(), o in s)
print("contains list", o in l, r())
print("str.join", "".join(map(repr, [o, o])), r())
print("getattr", getattr(o, "__class__") is O, r())
print("isinstance", isinstance(o, O), r())
print("id", id(o) == id(o), r())
print("vars", r())
m = map(lambda z: sys.getrefcount(z), [o])
print("map", list(m), r())
print("filter", list(filter(lambda z: sys.getrefcount(z) > 0, [o])), r())
print("reversed", [sys.getrefcount(z) for z in reversed([o])], r())
print("dict.get", {1: o}.get(1) is o, r())
print("dict.pop", {1: o}.pop(1) is o, r())
print("list.pop", [o].pop() is o, r())
print("list.index", [o].index(o), r())
print("copy", __import__("copy").copy([o])[0] is o, r())
it = iter([o, o])
next(it)
print("list iterator", r())
del it
print("end", r())
