r = range(10)
print(r, list(r), len(r), r[3], r[-1], r[2:5], r[::-1], r[::3])
print(range(1, 10, 2), list(range(1, 10, 2)), list(range(10, 0, -3)), list(range(5, 5)))
print(3 in r, 10 in r, -1 in range(-5, 0), 2.0 in r)
print(range(0, 10, 3).index(6), range(0, 10, 3).count(9), r.start, r.stop, r.step)
print(range(0) == range(5, 5), range(3) == range(0, 3, 1), range(1, 4, 2) == range(1, 5, 2))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError:", e)
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 7, 2))))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
