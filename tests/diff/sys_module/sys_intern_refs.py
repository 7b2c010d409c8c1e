import sys

s = sys.intern("".join(["dyn", "amic", "_", "name"]))
t = sys.intern("dynamic_name")
print(s is t)
u = "".join(["dynamic", "_name"])
print(u is s, sys.intern(u) is s)
d = {}
d[u] = 1
print(list(d)[0] is u)
print(type(sys.intern).__name__)
