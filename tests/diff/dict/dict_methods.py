d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("c"), d.pop("zz", "default"), d)
d.update({"b": 20, "d": 4})
d.update(e=5)
d.update([("f", 6)])
print(d)
print(d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"])
d.clear()
print(d, len(c))
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
