# Small ints hash to themselves, so this iteration order is deterministic.
s = {5, 3, 9, 1, 7}
print(s)
print(list({10, 2, 33, 4}))
print({-1, -2, 0})
s2 = set()
for i in [8, 16, 0, 32]:
    s2.add(i)
print(s2)
print({100, 1, 50})
print(set(range(20, 0, -3)))
