"""Allocation-heavy trees: build and drop complete binary trees of small
objects (millions of allocations and frees in total), a long-lived tree
kept throughout, and tuple-built trees walked recursively."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


def build(depth):
    if depth == 0:
        return Node(None, None)
    return Node(build(depth - 1), build(depth - 1))


def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)


def build_tuple(depth):
    if depth == 0:
        return (None, None)
    return (build_tuple(depth - 1), build_tuple(depth - 1))


def tuple_depth(t):
    d = 0
    while t[0] is not None:
        t = t[0]
        d += 1
    return d


def main():
    max_depth = 10 if QUICK else 16
    long_lived = build(max_depth)
    total = 0
    for depth in range(4, max_depth + 1, 2):
        iterations = 1 << (max_depth - depth)
        checked = 0
        for _ in range(iterations):
            checked += count(build(depth))
        total += checked
        print("depth", depth, "trees", iterations, "nodes", checked)
    lists = [[i, [i + 1, [i + 2]]] for i in range(200000 if not QUICK else 2000)]
    print("lists", sum(x[1][1][0] for x in lists))
    del lists
    t = build_tuple(max_depth)
    print("tuple depth", tuple_depth(t))
    print("long lived", count(long_lived), "total", total)


main()
