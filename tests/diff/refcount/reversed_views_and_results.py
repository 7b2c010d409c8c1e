# Counts and gc counts through reversed dict views, set loops, enumerate and zip
# result tuples, sorted/dict/list/max over items.
import sys, gc
class O: pass
o, p = O(), O()
d = {"a": o, "b": p}
for k, v in reversed(d.items()):
    print("rev items", k, sys.getrefcount(o), sys.getrefcount(p))
for v in reversed(d.values()):
    print("rev values", sys.getrefcount(o), sys.getrefcount(p))
del v
for k in reversed(d):
    print("rev keys", k)
s = {o, p}
for x in s:
    pass
# (Which of the two the loop ends on depends on their addresses.)
print("set loop", sorted([sys.getrefcount(o), sys.getrefcount(p)]))
del x
gc.collect()
c0 = gc.get_count()[0]
it = reversed(d.items())
print("rev it made", gc.get_count()[0] - c0)
e = enumerate([o], 5)
print("enumerate made", gc.get_count()[0] - c0, next(e)[0], sys.getrefcount(o))
z = zip([o], [p], [o])
print("zip made", gc.get_count()[0] - c0, len(next(z)), sys.getrefcount(o))
print(sorted(d.items())[0][0], sys.getrefcount(o))
print(dict(d.items()) == d, sys.getrefcount(o))
print(list(d.values())[0] is o, sys.getrefcount(o))
print(max(d.items(), key=lambda kv: kv[0])[0], sys.getrefcount(p))
