# dict methods, | and |=, views as sets, reversed() and argument errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = {"a": 1, "b": 2}
print(d | {"c": 3}, {"z": 0} | d, d.get("q"), d.get("a", 9), d.setdefault("c", []), d)
e = d
e |= [("d", 4)]
e |= {"a": 10}
print(e is d, d)
print(dict.fromkeys("xy"), dict.fromkeys(range(3), 0), dict([("k", 1)], v=2))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items()))[:2])
print(type(reversed(d)).__name__, type(reversed(d.values())).__name__, type(reversed(d.items())).__name__)
k = d.keys()
print(sorted(k & {"a", "q"}), sorted(k | ["q"]), sorted(k - {"a"}), sorted(k ^ {"a", "w"}))
print(sorted({"a", "z"} & k), sorted(["z"] | k), sorted({"a", "z"} - k))
print(k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"}, k > {"a"}, k.isdisjoint(["x"]))
print(d.items() & {("a", 10), ("b", 0)}, ("b", 2) in d.items(), d.values() == d.values())
show(lambda: d | [("x", 1)])
show(lambda: d.get())
show(lambda: d.pop())
show(lambda: d.pop("nope"))
show(lambda: d.keys(1))
show(lambda: d.update([1]))
show(lambda: d.update([(1,)]))
show(lambda: d.update(5))
show(lambda: d.update({}, {}))
show(lambda: dict(1, 2))
show(lambda: {}.popitem())
show(lambda: hash(d.keys()))
show(lambda: k & 5)
show(lambda: dict.fromkeys())
print(d.pop("nope", "dflt"), d.popitem(), d)
class D(dict):
    pass
print(type(D.fromkeys("ab")).__name__, type(D(a=1) | {}).__name__, type(D(a=1).copy()).__name__)
