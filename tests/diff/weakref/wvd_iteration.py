# A value dying while a WeakValueDictionary is iterated does not break
# the iteration; the entry is removed afterwards.
import weakref, gc

class V:
    pass

d = weakref.WeakValueDictionary()
strong = {i: V() for i in range(5)}
for k, v in strong.items():
    d[k] = v
del v
seen = []
for k in d:
    seen.append(k)
    if k == 1:
        del strong[3]       # dies during the iteration
print(seen)
print(len(d), sorted(d.keys()))
refs = d.valuerefs()
print(len(refs), all(isinstance(r, weakref.ref) for r in refs))
print(sorted(r.key for r in d.itervaluerefs()))
strong.clear()
print(len(d))
