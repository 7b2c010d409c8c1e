# list and tuple methods with start/stop arguments, reversed(), in-place
# operators and argument errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

l = [3, 1, 4, 1, 5, 9, 2, 6]
print(l.index(1, 2), l.index(1, -5), l.count(1), l.index(9, 0, 6))
show(lambda: l.index(9, 0, 5))
show(lambda: l.index(1, "a"))
show(lambda: l.index())
show(lambda: l.pop(20))
show(lambda: [].pop())
show(lambda: l.insert(1))
show(lambda: l.remove(99))
show(lambda: l.append())
show(lambda: l.copy(1))
show(lambda: l.sort(1))
show(lambda: l.sort(cmp=None))
r = list(reversed(l))
print(r, type(reversed(l)).__name__, l.__reversed__().__length_hint__())
m = l
m += (7, 8)
m *= 2
print(m is l, len(l), l[:4])
show(lambda: l.__iadd__(5))
l.sort(key=lambda v: -v, reverse=True)
print(l[:6])
t = (1, 2, 3, 2, 1)
print(t.index(2), t.index(2, 2), t.index(1, -1), t.count(2), t.__getnewargs__())
show(lambda: t.index(3, 0, 2))
show(lambda: t.count())
show(lambda: t.index())
it = iter(t)
next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
x = [1, 2, 3]
x[1:1] = (9, 9)
x[::2] = "abc"
print(x)
show(lambda: x.__setitem__(slice(None, None, 2), [1]))
show(lambda: x.__setitem__(slice(0, 1), 5))
show(lambda: x.__setitem__(slice(None, None, 2), 5))
del x[::-2]
print(x)
