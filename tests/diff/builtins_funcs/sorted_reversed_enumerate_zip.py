print(sorted([3, 1, 2]), sorted("cba"), sorted({3: 0, 1: 0}), sorted((2, 1), reverse=True))
print(sorted([-3, 1, -2], key=abs), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
print(list(enumerate("abc")), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(dict(zip("ab", [1, 2])), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
e = enumerate([5])
print(next(e), type(e).__name__)
