t = (1, "a", 2.5, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("ab"))
print(t.count(1), t.index("a"), 2.5 in t)
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 99))
a, b = (1, 2)
print(a, b)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    t.index("zz")
except ValueError as e:
    print("ValueError:", e)
print(repr((1,)), repr(((),)), str(("x", ("y",))))
