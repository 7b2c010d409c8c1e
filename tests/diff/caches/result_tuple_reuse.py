# enumerate() and dict items iterators hand back the same result tuple,
# refilled in place, while nothing else holds it (CPython's reuse): ids,
# counts, the order old items are released in, gc tracking, big indexes.
import gc
import sys

r = ["a", "b", "c", "d"]
print("enumerate ids:", len({id(t) for t in enumerate(r)}))
kept = [t for t in enumerate(r)]
print(kept, "kept ids:", len(set(map(id, kept))))
e = enumerate(r)
t1 = next(e)
i1 = id(t1)
del t1
t2 = next(e)
print("reused:", id(t2) == i1, t2)
held = t2
t3 = next(e)
print("held one not reused:", t3 is not held, held, t3)
d = {"x": [1], "y": [2], "z": [3]}
print("items ids:", len({id(t) for t in d.items()}), list(d.items()))
print("reversed items ids:", len({id(t) for t in reversed(d.items())}))
print(list(enumerate(r, 2**63 - 2)), list(enumerate(r, -2)), list(enumerate(r, start=10**20)))
print(list(enumerate([])), list(enumerate("xy", True)))

# Counts: the value and the index while the tuple holds them.
big = [object()]
e = enumerate(big)
before = sys.getrefcount(big[0])
t = next(e)
print("item count +1 in the result:", sys.getrefcount(big[0]) - before)
del t
print("released with the reused tuple? ", sys.getrefcount(big[0]) - before)


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


print("order of release when the tuple is refilled:")
e = enumerate([Loud("first"), Loud("second"), Loud("third")])
for i, x in e:
    print(" got", i, x.name)
    del x
del e
dd = {Loud("k1"): Loud("v1"), Loud("k2"): Loud("v2")}
print("dict items:")
for k, v in dd.items():
    print(" got", k.name, v.name)
del k, v
dd.clear()

gc.collect()
e = enumerate([1, 2, 3])
a = next(e)
del a
gc.collect()
b = next(e)
print("tracked again after a collection:", gc.is_tracked(b), b)
e = enumerate(range(100))
next(e)
gc.collect()
c0 = gc.get_count()
for _ in range(50):
    next(e)
print("gen0 count change over 50 reused results:", gc.get_count()[0] - c0[0])

# zip: pairs refilled too; three iterables keep the general path.
print("zip ids:", len({id(t) for t in zip(r, r)}), len({id(t) for t in zip(r, r, r)}))
print(list(zip(r, range(3))), list(zip(r, iter(r))), list(zip()), list(zip(r)))
z = zip(r, r)
a = next(z)
b = next(z)
print("held pair kept:", a, b, a is not b)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip([1], [1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(range(2**64, 2**64 + 3)), list(reversed(range(2**64, 2**64 + 3))), len(list(iter(range(-2**70, -2**70 + 5, 2)))))
it = iter(range(2**64, 2**64 + 10))
next(it)
print(it.__length_hint__(), it.__reduce__()[1:])
