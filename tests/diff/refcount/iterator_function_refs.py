# The function map and filter call, and the items they pass, seen from
# inside it: CPython calls the function the iterator holds, with no
# reference of its own, and holds each item while the call runs.
import sys


class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Item(%d)" % self.n


def k(v):
    print("  k", v, sys.getrefcount(v), sys.getrefcount(k))
    return v


items = [Item(10), Item(20)]
print("map")
print(list(map(k, items)))
print("map, two iterables")
print(list(map(lambda a, b: k(a), items, [Item(1), Item(2)])))
print("filter")
print(list(filter(k, items)))
m = map(k, items)
print("held by a map object", sys.getrefcount(k))
del m
print("after", sys.getrefcount(k))
f = filter(None, items)
print(list(f))
