# References held by a class: class attributes, the class dict, instances
# referring to their class; counts as CPython reports them.
import sys

obj = []
print(sys.getrefcount(obj))

class C:
    shared = obj
    also = obj
print(sys.getrefcount(obj))

c = C()
print(sys.getrefcount(obj))  # instances do not add references
c.shared = obj
print(sys.getrefcount(obj))
del c
print(sys.getrefcount(obj))

del C.also
print(sys.getrefcount(obj))

class D(C):
    pass
print(sys.getrefcount(obj))  # inheriting does not add one
print(D.shared is obj)

class E:
    items = [obj, obj]
print(sys.getrefcount(obj))
E.items.clear()
print(sys.getrefcount(obj))
del C
print(sys.getrefcount(obj))  # D still holds C through __bases__
del D
print(sys.getrefcount(obj))
