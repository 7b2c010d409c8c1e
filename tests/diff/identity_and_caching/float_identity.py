# Floats are never cached; equal constants in one file are merged.
a = 1.5
b = 1.5
print(a is b)
c = float("1.5")
d = float("1.5")
print(c == d, c is d)
e = a + 0.0
print(e == a, e is a)

# Equality shortcut: containers compare items by identity first.
nan = float("nan")
print(nan == nan)
print([nan] == [nan])
print((nan,) == (nan,))
print([float("nan")] == [float("nan")])
print(nan in [nan])
