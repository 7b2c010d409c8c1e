calls = []

def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(v(1) < v(2) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) == v(1) != v(2))
print(calls)
x = 5
print(0 <= x < 10, 0 <= x < 5)
print(1 < 2 > 1, 1 == 1.0, "a" < "b" < "c")
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd")
print([1, 2] == [1, 2] is not None)
print(None is None is not False)
print(1 in [1, 2] in [[1, 2]])
