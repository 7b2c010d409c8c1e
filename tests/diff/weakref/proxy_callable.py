# A proxy to a callable object is a CallableProxyType.
import weakref

def f(a, b=2):
    return a * b

class C:
    def __call__(self, x):
        return ("called", x)

pf = weakref.proxy(f)
print(type(pf).__name__, pf(3), pf(3, b=5), pf.__name__)
c = C()
pc = weakref.proxy(c)
print(type(pc).__name__, pc(1))
pn = weakref.proxy(weakref)
print(type(pn).__name__)
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print(isinstance(pf, weakref.ProxyTypes), isinstance(pn, weakref.ProxyTypes))
cb_log = []
p2 = weakref.proxy(c, cb_log.append)
del c
print(len(cb_log), cb_log[0] is p2)
try:
    pc(1)
except ReferenceError as e:
    print("ReferenceError", e)
