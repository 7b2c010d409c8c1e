def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"


def pairs(items):
    for i, x in enumerate(items):
        yield (i, x)


gen = countdown(3)
first = next(gen)
rest = list(gen)
squares = [k * k for k in range(3)]
total = sum(x for x in [1, 2, 3])
ps = list(pairs(["a", "b"]))
print(first, rest, squares, total, ps)
