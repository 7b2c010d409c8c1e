# Self-referencing lists and dicts: the copy has the same cycle.
import copy, gc

a = [1, 2]
a.append(a)
b = copy.deepcopy(a)
print(b is a, b[2] is b, b[2] is a, b[:2] == [1, 2])

d = {"name": "d"}
d["self"] = d
e = copy.deepcopy(d)
print(e is d, e["self"] is e, e["name"] is d["name"])

x = [1]
y = {"x": x, "list": [x]}
x.append(y)
z = copy.deepcopy(y)
print(z["x"] is z["list"][0], z["x"][1] is z, z["x"] is x)

t = ([],)
t[0].append(t)
u = copy.deepcopy(t)
print(u is t, u[0][0] is u, u[0] is t[0])

# a shallow copy of a cycle points back at the original
s = copy.copy(a)
print(s is a, s[2] is a)
del a, b, d, e, x, y, z, t, u, s
print(gc.collect() > 0)
