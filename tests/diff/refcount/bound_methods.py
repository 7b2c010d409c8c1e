import sys

class C:
    def method(self):
        return 1

c = C()
print(sys.getrefcount(c))
m = c.method
print(sys.getrefcount(c))
m2 = c.method
print(sys.getrefcount(c))
print(m is m2, m == m2)
print(m.__self__ is c)
del m
print(sys.getrefcount(c))
ms = [c.method for _ in range(4)]
print(sys.getrefcount(c))
del ms
print(sys.getrefcount(c))

lst = []
app = lst.append
print(sys.getrefcount(lst))
del app
print(sys.getrefcount(lst))
