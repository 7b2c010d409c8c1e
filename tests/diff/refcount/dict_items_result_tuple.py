# dict items iterators keep and reuse their result tuple (CPython's
# di_result): what the loop variables' objects count, and gc counts.
import gc, sys


class O:
    pass


o, p = O(), O()
d = {"a": o, "b": p}
gc.collect()
c0 = gc.get_count()[0]
it = iter(d.items())
print("iterator made", gc.get_count()[0] - c0, sys.getrefcount(o))
first = next(it)
print("first", first[0], sys.getrefcount(o), gc.get_count()[0] - c0)
del first
print("released", sys.getrefcount(o))
second = next(it)
print("second reused", second[0], sys.getrefcount(o), sys.getrefcount(p))
keep = second
third = next(it, None)
print("exhausted", third, sys.getrefcount(p))
del it, second, keep
print("freed", sys.getrefcount(o), sys.getrefcount(p))
for k, v in d.items():
    print("loop", k, sys.getrefcount(v))
print("after loop", sys.getrefcount(o), sys.getrefcount(p))
pairs = list(d.items())
print("list of items", [x is y for x, y in zip(pairs, pairs[1:])], sys.getrefcount(o))
held = []
for item in d.items():
    held.append(item)
print("held", held[0] is held[1], sys.getrefcount(o), sys.getrefcount(p))
