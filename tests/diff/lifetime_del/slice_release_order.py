# The order in which slice assignment, slice deletion, list.__init__,
# `l *= 0` and list.clear release the items they remove (CPython's
# list_ass_slice and _list_clear release from the last; an extended
# slice releases in the slice's order).
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("  del", self.n)


def show(label, f):
    print(label)
    f()


a = [D(1), D(2), D(3), D(4)]
show("a[0:2] = []", lambda: a.__setitem__(slice(0, 2), []))
show("a[0:2] = [5, 6] (same length)", lambda: a.__setitem__(slice(0, 2), [5, 6]))
a = [D(11), D(12), D(13), D(14)]
show("a[1:3] = [7] (shorter)", lambda: a.__setitem__(slice(1, 3), [7]))
show("a[:] = [D(15)] (longer? no: 2 -> 1)", lambda: a.__setitem__(slice(None), [D(15)]))
b = [D(21), D(22), D(23), D(24)]
show("b[::2] = [1, 2]", lambda: b.__setitem__(slice(None, None, 2), [1, 2]))
show("b[::-2] = [3, 4]", lambda: b.__setitem__(slice(None, None, -2), [3, 4]))
c = [D(31), D(32), D(33)]
show("del c[0:2]", lambda: c.__delitem__(slice(0, 2)))
e = [D(41), D(42), D(43), D(44), D(45)]
show("del e[::2]", lambda: e.__delitem__(slice(None, None, 2)))
e = [D(51), D(52), D(53), D(54), D(55)]
show("del e[::-2]", lambda: e.__delitem__(slice(None, None, -2)))
l = [D(61), D(62)]
show("l *= 0", lambda: l.__imul__(0))
l = [D(71), D(72)]
show("l.__init__([8])", lambda: l.__init__([8]))
l = [D(81), D(82), D(83)]
show("l[:] = l[::-1] (a reversed copy)", lambda: l.__setitem__(slice(None), l[::-1]))
print(" l:", [x.n for x in l])
show("l.clear()", lambda: l.clear())
p = [0, 1, 2, 3, 4, 5, 6]
p[:4] = p[3::-1]
print("pancake flip:", p)
p[2:2] = [9, 9]
p[-1:] = []
print(p, len(p))
print("end")
del a, b, c, e, l
