nothing = None
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: [][0],
    lambda: (1, 2)[5],
    lambda: "abc"[10],
    lambda: {}["key"],
    lambda: {}[("a", 1)],
    lambda: int("abc"),
    lambda: int("12", 2),
    lambda: float("x1"),
    lambda: undefined_thing,
    lambda: None.attr,
    lambda: (5).foo,
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [1] * "x",
    lambda: len(5),
    lambda: hash([]),
    lambda: {[]: 1},
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: [1].index(2),
    lambda: "abc".index("z"),
    lambda: set().pop(),
    lambda: nothing(),
    lambda: chr(-1),
    lambda: ord("ab"),
    lambda: [].remove(1),
    lambda: (1,).x,
    lambda: int(None),
    lambda: 2 ** -1 % 0,
    lambda: "x" * -1 + 5,
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)
