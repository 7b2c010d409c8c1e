# Instance attributes kept inline (CPython 3.11's values): the order they
# are released in (freeing, the collector), weak reference callbacks,
# resurrection, and the collector's counts.
import gc, weakref


class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

class H:
    def __init__(self):
        self.x = D("x")
        self.y = D("y")
        self.z = D("z")

H()
h = H()
wr = weakref.ref(h, lambda r: print("callback"))
del h
print("after del")

class Cyc:
    def __init__(self, n):
        self.me = self
        self.d = D(n)

Cyc("c0")
cy = Cyc("c1")
del cy
print("collected", gc.collect() > 0)

# Resurrection keeps the attributes.
keep = []
class Res:
    def __init__(self):
        self.v = [1, 2]
        self.w = "w"
    def __del__(self):
        keep.append(self)

Res()
Res()
print(keep[-1].v, keep[-1].w, list(vars(keep[-1])))


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

gc.collect()
before = gc.get_count()[0]
objs = [P(i, i) for i in range(20)]
mid = gc.get_count()[0]
ds = [vars(o) for o in objs[:5]]
print(mid - before, gc.get_count()[0] - mid)
