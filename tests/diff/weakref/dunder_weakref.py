# The __weakref__ attribute: the first weak reference, or None.
import weakref

class P:
    pass

p = P()
print(p.__weakref__)
r = weakref.ref(p, lambda w: None)
print(p.__weakref__ is r)
r0 = weakref.ref(p)
print(p.__weakref__ is r0)
del r0
print(p.__weakref__ is r)
del r
print(p.__weakref__)
print("__weakref__" in P.__dict__, type(P.__dict__["__weakref__"]).__name__)
try:
    p.__weakref__ = 1
except AttributeError as e:
    print("AttributeError", e)
class Q(P):
    pass
print("__weakref__" in Q.__dict__)
