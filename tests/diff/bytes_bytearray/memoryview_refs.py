# memoryview's references and allocations: a view holds its object through a
# managed buffer (one reference), views made from it share that buffer.
import sys, gc
rc = sys.getrefcount
ba = bytearray(b"hello")
print(rc(ba))
gc.collect()
c0 = gc.get_count()
m = memoryview(ba)
print(gc.get_count()[0] - c0[0], rc(ba), rc(m), gc.is_tracked(m))
refs = gc.get_referents(m)
print([type(r).__name__ for r in refs])
mb = refs[0]
print(type(mb), rc(mb), [type(r).__name__ for r in gc.get_referents(mb)], gc.is_tracked(mb))
del refs
s = m[1:3]
print(rc(ba), rc(mb), rc(m), s.obj is ba, gc.get_referents(s)[0] is mb)
del mb
print(sys.getsizeof(m), sys.getsizeof(s), m.nbytes, s.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.suboffsets, m.c_contiguous)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
m[0] = 72
print(ba, m[0], m[-1], s.tobytes(), s.tolist(), list(m), bytes(m), m.hex(), m == b"Hello", m == ba)
m.release()
try:
    m[0]
except ValueError as e:
    print("ValueError", e)
try:
    ba.append(1)
except BufferError as e:
    print("still", e)
s.release()
ba.append(33)
print(ba)
b = b"bytes!"
mb2 = memoryview(b)
print(mb2.readonly, hash(mb2) == hash(b), rc(b))
try:
    mb2[0] = 1
except TypeError as e:
    print("TypeError", e)
with memoryview(bytearray(3)) as q:
    print(q.tolist())
print(repr(q).split(" at ")[0])
print(str(q).split(" at ")[0])
