# bytearray's own methods: in-place changes, slice assignment, errors.
def show(f):
    try:
        print(repr(f()))
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)

ba = bytearray(b"abcdef")
ba[1:3] = b"XYZ"
print(ba)
ba[::2] = b"1234"
print(ba)
ba[0:0] = [65, 66]
del ba[::3]
print(ba, len(ba))
ba[1:2] = ba
print(ba)
ba[::2] = b""
print(ba)
c = ba.copy()
c.clear()
print(c, ba)
ba.extend(range(48, 51))
ba.extend(b"!")
ba.insert(-1, 63)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(63)
ba.reverse()
print(ba)
alias = ba
ba *= 2
ba += b"."
print(ba is alias, ba)
show(lambda: ba.append(256))
show(lambda: ba.append("a"))
show(lambda: ba.extend(5))
show(lambda: ba.remove(200))
show(lambda: bytearray().pop())
show(lambda: ba.pop(99))
show(lambda: ba.__setitem__(slice(0, 1), 5))
show(lambda: ba.__setitem__(slice(0, 1), "ab"))
show(lambda: ba.__setitem__(slice(None, None, 2), b"1"))
show(lambda: ba.__setitem__(99, 1))
show(lambda: ba["x"])
show(lambda: bytearray(b"x") + "y")
show(lambda: bytearray("abc"))
show(lambda: bytearray(1.5))
show(lambda: bytearray([1, 256]))
print(bytearray("é", "utf-8"), bytearray(3), bytearray(b"ab") * 2, 2 * bytearray(b"c"))
