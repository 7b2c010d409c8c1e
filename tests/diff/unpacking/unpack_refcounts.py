import sys

x = []
pair = (x, x)
print(sys.getrefcount(x))
a, b = pair
print(sys.getrefcount(x))
first, *rest = [x, x, x]
print(sys.getrefcount(x), len(rest))
del a, b, first, rest
print(sys.getrefcount(x))
for p, q in [pair]:
    print(sys.getrefcount(x))
print(sys.getrefcount(x))
