import sys

shared = []

def f(a=shared):
    return sys.getrefcount(shared)

print(sys.getrefcount(shared))
print(f())
print(f([]))

def g(x, y=shared, *, z=shared):
    return x

print(sys.getrefcount(shared))
del f
print(sys.getrefcount(shared))
del g
print(sys.getrefcount(shared))
