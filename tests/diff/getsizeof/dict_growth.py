# Dict tables grow as CPython 3.11's do (str keys use smaller entries).
import sys
g = sys.getsizeof
d = {}
r = []
for i in range(100):
    r.append(g(d))
    d[i] = i
print(r)
d = {}
r = []
for i in range(100):
    d["k%d" % i] = i
    r.append(g(d))
print(r)
print(g({}), g(dict()), g({"a": 1}), g({1: 1}), g(dict(a=1, b=2)), g({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}))
d = {1: 1}
d["x"] = 2
print(g(d))
