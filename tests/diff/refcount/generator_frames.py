import sys

data = []

def gen(x):
    yield 1
    yield 2

print(sys.getrefcount(data))
g = gen(data)
print(sys.getrefcount(data))
next(g)
print(sys.getrefcount(data))
list(g)
# A finished generator has released its frame.
print(sys.getrefcount(data))
g2 = gen(data)
print(sys.getrefcount(data))
del g2
print(sys.getrefcount(data))
