import sys

x = []
print(sys.getrefcount(x))
y = x
z = x
print(sys.getrefcount(x))
del z
print(sys.getrefcount(x))
y = None
print(sys.getrefcount(x))

def local():
    a = {}
    print(sys.getrefcount(a))
    b = a
    print(sys.getrefcount(a))

local()
