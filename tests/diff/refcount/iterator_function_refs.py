# The function map and filter call, seen from inside it: CPython calls the
# function the iterator holds, with no reference of its own.
import sys


def k(v):
    print("  k", sys.getrefcount(v), sys.getrefcount(k))
    return v


print("map")
print(list(map(k, [10, 20])))
print("filter")
print(list(filter(k, [30, 40])))
