# Lists and dicts changed in every way the runtime describes to the tracer
# (append, pop, item assignment, insert, del, remove, extend; dict set, del,
# pop), several in one step, mixed with changes it does not describe (sort,
# slice assignment, clear...), while other names and containers alias them.
xs = list(range(10))
ys = xs
nest = [xs, xs, [xs]]
xs.append(10)
xs.append([1, 2])
xs.pop()
xs.pop(0)
xs[3] = "three"
xs[-1] = xs
xs.insert(0, "first")
xs.insert(5, 5.5)
xs.insert(100, "last")
del xs[2]
del xs[-2]
xs.remove(5.5)
xs.extend([20, 21, 22])
xs.extend(range(3))
xs.append(1); xs[0] = 2; del xs[4]; xs.insert(1, "one")
xs.append(7); xs.sort(key=str); xs.pop()
xs[2:4] = ["sa", "sb", "sc"]
xs.reverse()
x = xs.pop()
x = None
short = [1, 2]
short.append(3)
short[0] = short
d = {}
for k in ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"):
    d[k] = [k]
e = d
holder = {"d": d, "xs": xs}
d["c"] = xs
d["c"] = ys
del d["a"]
d["a"] = 0
d.pop("b")
d.setdefault("z", [])
d.update(m=1, n=2)
d["q"] = 1; d["q"] = 2; del d["q"]; d["q"] = 3
d[1] = "int key"; d[1.0] = "same key"
d.popitem()
v = d.pop("c")
del v


def grow(target, n):
    for i in range(n):
        target[i] = [i] * 2
    return target


big = grow({}, 12)
big[0] = big
del big[5]
copy = dict(big)
copy.clear()


class Box:
    pass


b = Box()
for i in range(9):
    b.__dict__["f%d" % i] = i
b.f3 = xs
b.__dict__["f4"] = d
del b.f0
rows = [[0] * 3 for _ in range(9)]
rows[4][1] = rows
for r in rows:
    r.append(len(r))
while len(xs) > 5:
    xs.pop()
print(len(xs), len(d), len(big), sorted(b.__dict__))
