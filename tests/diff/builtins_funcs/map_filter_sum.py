print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 2, range(5))))
print(sum([1, 2, 3]), sum([], 10), sum([0.5, 0.25]), sum(range(101)), sum([[1], [2]], []))
print(min(3, 1, 2), max("abc"), min([4, 5], key=lambda x: -x), max([], default="empty"), min((), default=None))
print(max([1, 3, 3], key=lambda x: x), max(["a", "bb", "cc"], key=len), min(["a", "bb", "cc", "d"], key=len))
print(abs(-3), abs(2.5), abs(-0.0), abs(True))
print(any([]), all([]), any([0, None, 1]), all([1, "x", [0]]), all(x > 0 for x in [1, -1]))
m = map(int, "123")
print(type(m).__name__, next(m), list(m))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
