# Allocation counts of iterator objects: enumerate and zip keep a result
# tuple (reused while nothing else holds it), zip and map a tuple of
# their iterators; zip is called through an argument tuple.
import gc, sys
gc.disable()
from mod_gcprobe import measure, out


L = [3, 1, 2]
M = [4, 5, 6, 7]

def loop_zip():
    n = 0
    for a, b in zip(L, M):
        n += a
    return n

def loop_enum():
    for i, x in enumerate(L):
        t = (i, x)

def zip_next():
    z = zip(L, M)
    return next(z), next(z)

def zip_strict():
    try:
        list(zip(L, M, strict=True))
    except ValueError:
        pass

measure("nothing", lambda: None)
measure("enumerate", lambda: enumerate(L))
measure("enumerate start", lambda: enumerate(L, start=5))
measure("list(enumerate)", lambda: list(enumerate(L)))
measure("zip()", lambda: zip())
measure("zip 1", lambda: zip(L))
measure("zip 2", lambda: zip(L, M))
measure("zip 3", lambda: zip(L, L, L))
measure("zip strict", lambda: zip(L, M, strict=True))
measure("list(zip)", lambda: list(zip(L, M)))
measure("list(zip 3)", lambda: [t for t in zip(L, M, L)])
measure("zip empty", lambda: list(zip([], [])))
measure("zip next", zip_next)
measure("zip strict error", zip_strict)
measure("dict(zip)", lambda: dict(zip(L, M)))
measure("map 1", lambda: map(str, L))
measure("map 2", lambda: map(max, L, M))
measure("list(map)", lambda: list(map(str, L)))
measure("filter", lambda: filter(None, L))
measure("loop zip", loop_zip)
measure("loop enumerate", loop_enum)
for line in out:
    print(line)

# The kept result tuple: the same tuple each round while the loop drops it,
# its last items alive until the iterator goes.
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

items = [D(1), D(2)]
e = enumerate(items)
ids = []
for t in e:
    ids.append(id(t))
    print(sys.getrefcount(t))
print(ids[0] == ids[1])
del items
print("items dropped")
del e
print("enumerate dropped")
en = enumerate([7])
t = next(en)
print(gc.get_referents(en)[-1] is t, len(gc.get_referents(enumerate([1]))))
