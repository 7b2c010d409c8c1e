import sys

item = []
lst = [item for _ in range(5)]
print(sys.getrefcount(item))
lst = None
print(sys.getrefcount(item))
d = {k: item for k in range(3)}
print(sys.getrefcount(item))
del d
print(sys.getrefcount(item))
# The loop variable of a comprehension does not leak, so no extra count.
pairs = [(item, n) for n in range(2)]
print(sys.getrefcount(item))
pairs.clear()
print(sys.getrefcount(item))
