# A bound method holds its instance (and its function); each attribute access
# makes a new one; counts as CPython reports them.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)
    def hello(self):
        return self.name

n = Noisy("instance")
print(sys.getrefcount(n))
m = n.hello
print(sys.getrefcount(n))
m2 = n.hello
print(m is m2, m == m2, sys.getrefcount(n))
print(m.__self__ is n, sys.getrefcount(n))
del m, m2
print(sys.getrefcount(n))

# calling through the method does not leave references behind
print(n.hello(), sys.getrefcount(n))

# a bound method outlives the name of its instance
m = Noisy("held by method").hello
print("method alive:", m())
del m
print("after del m")

# storing a bound method on the instance makes a cycle
import gc
gc.collect()
c = Noisy("cyclic")
c.cb = c.hello
print(sys.getrefcount(c))
del c
print("deleted name; collected:", gc.collect())
print("end")
