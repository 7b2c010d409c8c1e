# Iterating a memoryview reads its items one at a time (memory_iterator).
ba = bytearray(b"abc")
m = memoryview(ba)
it = iter(m)
print(type(it).__name__, next(it))
ba[1] = 66
print(next(it), list(it), list(it))
it2 = iter(m.cast("c"))
m2 = m.cast("c")
print(list(iter(m2)))
x = memoryview(b"xy")
i3 = iter(x)
x.release()
try:
    next(i3)
except ValueError as e:
    print(e)
try:
    type(it)()
except TypeError as e:
    print(e)
