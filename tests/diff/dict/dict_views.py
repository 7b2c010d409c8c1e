d = {"x": 1, "y": 2}
k = d.keys()
v = d.values()
i = d.items()
print(k, v, i)
d["z"] = 3
print(k, len(v), ("z", 3) in i, "x" in k, 2 in v)
print(k & {"x", "q"}, sorted(k | {"q"}), sorted(k - {"x"}))
print(sorted(k ^ {"x", "w"}))
print(list(reversed(d)), list(reversed(d.values())))
print(type(k).__name__, type(v).__name__, type(i).__name__)
del d["x"]
print(list(k), list(i))
