import sys

def one(arg):
    return sys.getrefcount(arg)

def two(arg):
    other = arg
    return sys.getrefcount(arg)

def star(*args):
    return sys.getrefcount(args[0])

def kw(**kwargs):
    return sys.getrefcount(kwargs["k"])

obj = []
print(sys.getrefcount(obj))
print(one(obj))
print(two(obj))
print(star(obj))
print(kw(k=obj))
print(one([]))
print(sys.getrefcount(obj))
