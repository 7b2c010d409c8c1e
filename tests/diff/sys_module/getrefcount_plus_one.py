import sys

obj = []
# One reference from the name, one from getrefcount's own argument.
print(sys.getrefcount(obj))
print(sys.getrefcount([]))
print(sys.getrefcount(obj) - 1, "real references")

def inside(o):
    return sys.getrefcount(o)

print(inside(obj))
print(sys.getrefcount(object()))
holder = {"a": obj, "b": [obj]}
print(sys.getrefcount(obj))
