d = {}
d["zebra"] = 1
d["apple"] = 2
d["mango"] = 3
print(d, list(d), list(d.values()))
d["zebra"] = 10
print(d)
del d["zebra"]
d["zebra"] = 100
print(d)
print({3: "c", 1: "a", 2: "b"})
d2 = dict([("b", 1), ("a", 2)], c=3)
print(d2)
print(dict.fromkeys("cab", 0))
print({**d2, "a": "override", "new": 0})
print(d2 | {"z": 26}, {"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
