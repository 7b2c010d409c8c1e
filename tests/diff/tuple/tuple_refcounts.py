import sys

item = []
t = (item, item, item)
print(sys.getrefcount(item))
t2 = t * 2
print(sys.getrefcount(item))
t3 = t + (item,)
print(sys.getrefcount(item))
del t2, t3
print(sys.getrefcount(item))
a, b, c = t
print(sys.getrefcount(item))
del a, b, c, t
print(sys.getrefcount(item))
