# memoryview over bytes and bytearray: indexing, slicing (views of the same
# buffer), item and slice assignment, casts to the native formats, hashing,
# equality, release, and the BufferError a bytearray gives while exported.
import sys, gc
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
m = memoryview(b'abc')
show(lambda: m.cast('c')[0])
show(lambda: m.cast('b').tolist())
show(lambda: memoryview(b'\xff\x01').cast('b').tolist())
show(lambda: memoryview(b'abcdefgh').cast('i').tolist())
show(lambda: memoryview(b'abcdefgh').cast('d').tolist())
show(lambda: memoryview(b'\x01\x00').cast('?').tolist())
show(lambda: memoryview(b'\x01\x00\xff\xff').cast('h').tolist())
show(lambda: memoryview(b'\x01\x00\xff\xff').cast('H').tolist())
show(lambda: memoryview(b'abc').cast('i'))
show(lambda: memoryview(b'abcd').cast('i').cast('h'))
show(lambda: memoryview(b'abcd')[::2].cast('B'))
show(lambda: memoryview(b'abcd').cast('xyz'))
show(lambda: memoryview(b'abcd').cast(5))
show(lambda: memoryview('abc'))
show(lambda: memoryview())
show(lambda: memoryview(1, 2))
def setter(v, key, val):
    v[key] = val
ba = bytearray(b'abcdefgh')
w = memoryview(ba)
show(lambda: setter(w, 0, 300))
show(lambda: setter(w, 0, 'x'))
show(lambda: setter(w, slice(0, 2), b'xyz'))
show(lambda: setter(w, slice(0, 2), b'XY'))
show(lambda: setter(w, slice(None, None, 4), b'12'))
show(lambda: setter(w, slice(0, 2), [1, 2]))
print(ba)
show(lambda: w[8])
show(lambda: w[-9])
show(lambda: w['a'])
show(lambda: w[1.5])
def deleter(v, key):
    del v[key]
show(lambda: deleter(w, 0))
show(lambda: deleter(memoryview(b'ab'), 0))
show(lambda: hash(w))
show(lambda: hash(memoryview(b'abc')) == hash(b'abc'))
show(lambda: hash(memoryview(b'abcd').cast('i')))
wi = w.cast('i')
show(lambda: setter(wi, 0, -1))
show(lambda: setter(wi, 1, 2**31))
show(lambda: wi.tolist())
show(lambda: (wi.itemsize, wi.format, wi.nbytes, wi.shape, wi.strides, len(wi)))
print(ba)
x = memoryview(bytearray(b'abcdef'))
print(x[::2].tolist(), x[::-1].tobytes(), x[1:5:2].strides, x[::2].c_contiguous, x[1:2].c_contiguous, x[::2].nbytes, len(x[::2]))
print(x.hex(), x.hex(':'), x.hex(':', 2), x.toreadonly().readonly, x.tobytes(), bytes(x[::2]), bytearray(x[1:3]))
print(x == x, x[::2] == b'ace', x.cast('c') == b'abcdef', x.cast('c') == x, memoryview(b'a').cast('c') == memoryview(b'a'), x != b'abcdef', x == [97])
print(x.cast('c').tolist()[:2], list(x.cast('c'))[:2], list(x)[:3], 97 in x)
print(x.__class__, len(memoryview(b'')), memoryview(b'').tolist(), b''.join([x, b'!']), x.tobytes('C'))
show(lambda: x.tobytes('Z'))
y = x[1:]
x.release(); print(x == x, x == memoryview(b'abcdef'), y.obj)
show(lambda: len(x))
show(lambda: x.obj)
show(lambda: x[0])
show(lambda: x.tolist())
show(lambda: hash(x))
print(x.release())
show(lambda: x.__enter__())
ba2 = bytearray(b'xyz')
with memoryview(ba2) as q:
    show(lambda: ba2.extend(b'!'))
    show(lambda: ba2.extend(b''))
    show(lambda: ba2.pop())
    show(lambda: ba2.clear())
    show(lambda: ba2.insert(0, 1))
    show(lambda: ba2.remove(120))
    show(lambda: setter(ba2, slice(0, 1), b'ab'))
    show(lambda: setter(ba2, slice(0, 1), b'a'))
    show(lambda: deleter(ba2, 0))
    def iadd():
        global ba2
        ba2 += b'?'
    show(iadd)
    show(lambda: ba2.__imul__(2))
    show(lambda: ba2.__imul__(1))
    show(lambda: ba2.__init__(b'new'))
    q2 = q[1:]
ba2.append(33) if False else None
show(lambda: ba2.append(33))
q2.release()
ba2.append(33)
print(ba2, repr(q).split(" at ")[0])
print(sys.getsizeof(memoryview(b'abc')), sys.getsizeof(memoryview(b'abcd').cast('i')), memoryview.__name__, type(memoryview(b'')).__name__)
import weakref
mv = memoryview(b'xyz')
r = weakref.ref(mv)
print(r() is mv)
del mv
print(r())
print(gc.is_tracked(memoryview(b'')))
