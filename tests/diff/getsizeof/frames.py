# Frame objects of finished calls: 120 bytes plus their locals and stack.
import sys
g = sys.getsizeof
def f0():
    return sys._getframe()
def f1(a, b, c):
    x = a + b * c
    return sys._getframe()
def f2():
    fr = sys._getframe()
    return fr
print(g(f0()), g(f1(1, 2, 3)), g(f2()))
def outer():
    v = 1
    def inner():
        return v, sys._getframe()
    return inner()[1]
print(g(outer()))
