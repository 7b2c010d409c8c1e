a = [1, 2]
b = a + [3]
print(a, b, a * 2, [a] * 2)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
print(len([]), len([[]]), 3 in [1, 2, 3], [1] in [[1], 2])
print(list(range(3)), list("ab"), list((1, 2)), list({"k": 1}))
print(sum([[1], [2, 3]], []), min([3, 1, 2]), max([[1], [0, 5]]))
x = [5, 3, 8]
print(sorted(x), x, sorted(x, reverse=True), list(reversed(x)))
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
