d = {1: "int", 1.0: "float", True: "bool"}
print(d)
d2 = {(1, 2): "tuple", frozenset([1]): "frozenset", None: "none", "s": "str", b"b": "bytes"}
print(d2[(1, 2)], d2[frozenset({1})], d2[None])
try:
    {[1]: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    {}[{}]
except TypeError as e:
    print("TypeError:", e)
nan = float("nan")
dn = {nan: 1}
print(dn[nan], float("nan") in dn)
print({0: "a", -0.0: "b", False: "c"})
