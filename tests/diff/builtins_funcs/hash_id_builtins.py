print(hash(1), hash(0), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 61))
print(hash(1.0), hash(0.5), hash(True), hash(None) == hash(None))
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("abc"), hash(b"x") == hash(b"x"))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
x = object()
print(id(x) == id(x), isinstance(id(x), int), id(x) > 0)
y = [x]
print(id(y[0]) == id(x))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
