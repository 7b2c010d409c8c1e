import sys

v = []
k = "".join(["k", "e", "y", "!"])
print(sys.getrefcount(v), sys.getrefcount(k))
d = {k: v}
print(sys.getrefcount(v), sys.getrefcount(k))
d2 = d.copy()
print(sys.getrefcount(v), sys.getrefcount(k))
vals = list(d.values())
print(sys.getrefcount(v))
items = list(d.items())
print(sys.getrefcount(v), sys.getrefcount(k))
del vals, items
print(sys.getrefcount(v), sys.getrefcount(k))
d.clear()
d2.clear()
print(sys.getrefcount(v), sys.getrefcount(k))
