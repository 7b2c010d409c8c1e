def fact(n):
    if n <= 1:
        return 1
    rest = fact(n - 1)
    return n * rest


def build(depth):
    if depth == 0:
        return []
    inner = build(depth - 1)
    return [depth, inner]


x = fact(4)
tree = build(3)
print(x, tree)
