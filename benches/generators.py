"""Generators and comprehensions: generator pipelines, yield from,
generator expressions fed to builtins, list/dict/set comprehensions with
conditions and nesting, and send()."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for v in source:
        if v % 2 == 0:
            yield v


def squares(source):
    for v in source:
        yield v * v


def chunks(source, size):
    chunk = []
    for v in source:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node


def running_average():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


def nested(depth, width):
    if depth == 0:
        return list(range(width))
    return [nested(depth - 1, width) for _ in range(width)]


def main():
    n = 5000 if QUICK else 500000
    pipeline = squares(evens(naturals(n)))
    print("pipeline", sum(pipeline))
    print("chunks", sum(len(c) * c[0] for c in chunks(naturals(n), 7)) % 1000003)
    tree = nested(3, 6 if QUICK else 16)
    print("flatten", sum(flatten(tree)))
    avg = running_average()
    next(avg)
    last = None
    for v in range(n):
        last = avg.send(v % 100)
    print("average %.6f" % last)
    squares_list = [x * x for x in range(n) if x % 3]
    table = {x: x % 17 for x in range(n // 2)}
    residues = {x * x % 1009 for x in range(n)}
    pairs = [(a, b) for a in range(60 if not QUICK else 10) for b in range(a) if (a + b) % 5 == 0]
    print("comprehensions", len(squares_list), sum(table.values()), len(residues), len(pairs))
    print("any/all", any(x > n for x in range(n)), all(x >= 0 for x in range(n)))
    print("max gen", max(x * 7 % 1000 for x in range(n)), min(str(x) for x in range(1, n)))


main()
