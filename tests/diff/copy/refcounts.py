# Reference counts after copying are CPython's.
import copy, sys

x = [1, 2, 3]
y = copy.copy(x)
z = copy.deepcopy(x)
print(sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(z))

item = object()
l = [item, item]
c = copy.copy(l)
print(sys.getrefcount(item))
dc = copy.deepcopy(l)
print(sys.getrefcount(item), sys.getrefcount(dc[0]))

class K:
    pass

k = K()
k.attr = item
k2 = copy.copy(k)
print(sys.getrefcount(item), sys.getrefcount(k2))
k3 = copy.deepcopy(k)
print(sys.getrefcount(k3), sys.getrefcount(k3.attr))
del c, k2
print(sys.getrefcount(item))

t = (item, 1)
t2 = copy.deepcopy(t)
print(t2 is t, sys.getrefcount(t))
