# Default argument values are held by the function (__defaults__,
# __kwdefaults__) and freed with it.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

d = []
print(sys.getrefcount(d))
def f(x=d, *, y=d):
    return x
print(sys.getrefcount(d))
print(f() is d, sys.getrefcount(d))
f.__defaults__ = None
print(sys.getrefcount(d))
f.__kwdefaults__ = None
print(sys.getrefcount(d))

def g(n=Noisy("default of g")):
    return n.name
print(g())
print("deleting g")
del g
print("after")

# lambdas and nested functions: each definition evaluates its defaults again
def make():
    return lambda v=Noisy("lambda default"): v.name
h1 = make()
h2 = make()
print(h1(), h2())
del h1
print("one lambda left")
del h2
print("end")
