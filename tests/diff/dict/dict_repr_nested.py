d = {"list": [1, 2], "dict": {"inner": (1,)}, 3: None, (1, 2): "t"}
print(d)
print(repr({}), str({}), repr({"'": '"'}))
r = {}
r["self"] = r
print(r)
print({1: {2: {3: {}}}})
print(dict(zip("abc", range(3))))
print(len({"a": 1, "a": 2}), {"a": 1, "a": 2})
nested = {"a": [1, {"b": (2, {"c": None})}]}
print(nested, str(nested) == repr(nested))
print({1.5: 2.5, None: True, (): [], "": b""})
