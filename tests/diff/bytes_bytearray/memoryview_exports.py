# Every size change of a bytearray with an unreleased view is a BufferError
# (in-place operators and re-initialisation too); same-size writes are not.
# Extreme slice steps take one item.
ba = bytearray(b"abcdef")
m = memoryview(ba)
for op in ("ba += b'x'", "ba *= 2", "ba.extend(b'zz')", "del ba[0]", "del ba[::2]", "ba[0:1] = b''", "ba.__init__(b'q')", "ba.pop()", "ba.clear()"):
    try:
        exec(op)
        print(op, "ok", ba)
    except BufferError as e:
        print(op, "BufferError")
print(m[-1], m[::-2].tolist(), ba)
ba[::2] = b"XYZ"
print(m.tobytes())
v = m.cast("B")[1:]
del m
try:
    ba.append(1)
except BufferError:
    print("still exported by v")
v.release()
ba.append(1)
print(ba)
q = memoryview(b"abcdefgh" * 2).cast("q")
print(q[::2**62].tolist(), q[::-(2**62)].tolist(), len(q[5:2**70]))
