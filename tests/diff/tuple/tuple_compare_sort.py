pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs))
print(max(pairs), min(pairs))
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, -1), () < (0,), (1,) == (1.0,))
print((1, "a") == (1, "a"), (1, [2]) == (1, [2]))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
nan = float("nan")
print((nan,) == (nan,), (float("nan"),) == (float("nan"),))
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2, 3))))
