# CPython 3.11 keeps an instance's attribute names once, in its class's
# shared keys: neither the inline values nor a split (materialized)
# __dict__ holds a reference to them. A dict that becomes combined (a
# non-str key) copies the keys out, counted. A setattr also leaves the name
# in the type's attribute cache (one reference). The names are built at run
# time, so only these references count.
import sys

rc = sys.getrefcount


def name(s):
    return "".join(["zq_", s])


class C:
    pass


k = name("one")
print("base", rc(k))
objs = [C() for _ in range(10)]
setattr(objs[0], k, 1)
print("1 instance", rc(k))
setattr(objs[1], k, 1)
print("2 instances", rc(k))
for o in objs[2:]:
    setattr(o, k, 1)
print("10 instances", rc(k))
delattr(objs[0], k)
print("deleted", rc(k))
d = objs[1].__dict__
print("__dict__", rc(k))
del d
print("__dict__ dropped", rc(k))
d = objs[2].__dict__
d[k] = 5
print("dict set", rc(k))
del d[k]
print("dict del", rc(k))
k2 = name("two")
d[k2] = 1
print("new key through the dict", rc(k2))
objs[3].__dict__[k2] = 1
print("same key, another dict", rc(k2))
setattr(objs[5], k2, 1)
print("setattr", rc(k2))
del objs, d
print("instances freed", rc(k), rc(k2))


class D:
    pass


k3 = name("three")
a = D()
setattr(a, k3, 1)
print("first instance", rc(k3))
b = D()
setattr(b, k3, 1)
print("second instance", rc(k3))
del a, b
print("freed", rc(k3))
del D
import gc

gc.collect()
print("class freed", rc(k3))

# instances with inline values (the class has names when they are made)


class E:
    pass


warm = E()
warm.a = 1
k = name("four")
k2 = name("five")
objs = [E() for _ in range(5)]
for o in objs:
    o.a = 2
    setattr(o, k, 1)
print("inline", rc(k))
for o in objs:
    setattr(o, k2, 1)
print("inline, second name", rc(k), rc(k2))
delattr(objs[0], k)
print("deleted inline", rc(k))
ds = [o.__dict__ for o in objs]
print("dicts", rc(k), rc(k2))
ds[1][5] = 5
print("non-str key", rc(k), rc(k2))
ds[2].clear()
print("clear", rc(k), rc(k2))
print("popitem", ds[3].popitem()[0] == k2, rc(k), rc(k2))
cp = ds[4].copy()
print("copy", rc(k), rc(k2), type(cp).__name__)
eq = name("four")
ds[4][eq] = 7
print("equal key", [x is k for x in ds[4] if x == k], [x is eq for x in ds[4] if x == eq], rc(k), rc(eq))
print(list(ds[4]), sys.getsizeof(ds[4]), sys.getsizeof(cp))
del cp, ds, objs
print("freed", rc(k), rc(k2))


class Many:
    pass


m0 = Many()
names = [name("m%d" % i) for i in range(35)]
for n in names:
    setattr(m0, n, 1)
print("more names than the shared keys take", [rc(n) for n in names][::5])
m1 = Many()
for n in names:
    setattr(m1, n, 1)
print("second", [rc(n) for n in names][::5], sys.getsizeof(m0.__dict__), sys.getsizeof(m1.__dict__))
v = vars(m1)
print(rc(names[0]))


class Cy:
    pass


cys = [Cy() for _ in range(3)]
kc = name("cycle")
for c in cys:
    setattr(c, kc, c)
    c.__dict__
print("cycle", rc(kc))
del cys, c
gc.collect()
print("cycle freed", rc(kc))
