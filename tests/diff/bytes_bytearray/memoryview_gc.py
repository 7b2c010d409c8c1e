# A memoryview is an alias of its object's bytes: writes through it show in
# the bytearray. It holds the object through a managed buffer (a container
# the collector tracks), so a view in a reference cycle keeps its bytearray
# exported until the collector frees the cycle.
import gc, sys

rc = sys.getrefcount
data = bytearray(b"spam")
view = memoryview(data)
alias = view[1:]
alias[0] = ord("P")
print(data, view.tobytes(), alias.tobytes(), alias.obj is data)
print("counts", rc(data), rc(view), rc(alias))
print("referents", [type(r).__name__ for r in gc.get_referents(view)])
buf = gc.get_referents(view)[0]
print("buffer", type(buf).__name__, gc.is_tracked(buf), [r is data for r in gc.get_referents(buf)], rc(buf))
del buf
del view, alias
data.extend(b"!")
print("resized after the views died", data)


class Holder:
    pass


gc.collect()
h = Holder()
h.self = h
h.view = memoryview(data)
del h
try:
    data.extend(b"?")
except BufferError as e:
    print("while the cycle lives:", e)
print("collected", gc.collect())
data.extend(b"?")
print(data, rc(data))
gc.collect()
before = gc.get_count()[0]
v = memoryview(b"constant bytes")
w = memoryview(v)
print("allocations counted", gc.get_count()[0] - before, w.obj is v.obj, rc(v.obj))
for x in (memoryview, type(memoryview(b"").cast("c"))):
    print(x.__name__, x.__qualname__, x.__module__)
try:
    type(gc.get_referents(w)[0])()
except TypeError as e:
    print(e)
