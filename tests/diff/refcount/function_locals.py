import sys

def f():
    a = []
    print(sys.getrefcount(a))
    b = [a, a]
    print(sys.getrefcount(a))
    c = {"x": a}
    print(sys.getrefcount(a))
    del b
    print(sys.getrefcount(a))
    return a

r = f()
print(sys.getrefcount(r))

def g(x):
    y = x
    print(sys.getrefcount(x))
    return None

g(r)
print(sys.getrefcount(r))
