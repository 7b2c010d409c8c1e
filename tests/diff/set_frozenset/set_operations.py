a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(range(3)), a.difference({1}), a.symmetric_difference([1, 10]))
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a.issubset(range(10)), a.isdisjoint({7}))
print(len(a), 3 in a, 7 not in a)
print(set(), set([3, 1, 2]), set(range(5)), set("aaa"))
print({x % 4 for x in range(10)})
print(sorted({"pear", "apple", "fig"}))
print({1, 2} == {2, 1}, {1} == frozenset({1}), {1, 2} != {1})
