total = 0
for i in range(0, 100, 7):
    total += i
print(total)
print(list(range(-5, 5, 2)), list(range(5, -5, -2)), list(range(0, -3)))
r = range(3, 30, 4)
print(r[1:4], r[-2:], list(r[::-2]), r.index(11), len(r))
it = iter(range(3))
print(next(it), list(it))
print(sum(range(10 ** 6)), max(range(7)), min(range(3, 9)))
print(hash(range(3)) == hash(range(0, 3)), range(2) in [range(0, 2)])
print(list(enumerate(range(10, 13))))
print(bool(range(0)), bool(range(1)))
