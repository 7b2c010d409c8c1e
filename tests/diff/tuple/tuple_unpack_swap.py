a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = (1, 2, 3, 4)
print(first, rest, type(rest).__name__)
nums = [1, 2, 3]
i = 0
i, nums[i] = 1, 9
print(i, nums)
pairs = [(1, "a"), (2, "b")]
for n, letter in pairs:
    print(n, letter)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
