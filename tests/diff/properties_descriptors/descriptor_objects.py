# Member and getset descriptors as objects: their names, owner class,
# documentation, and __get__/__set__/__delete__ called directly.
import sys

class A:
    __slots__ = ("x", "y")

class B:
    pass

d = A.__dict__["x"]
print(d, type(d).__name__, d.__name__, d.__qualname__, d.__objclass__, d.__doc__)
a = A()
d.__set__(a, 5)
print(a.x, d.__get__(a), d.__get__(a, A), d.__get__(None, A) is d)
d.__delete__(a)
try:
    a.x
except AttributeError as e:
    print("AttributeError:", e)
for call in ("d.__get__(5)", "d.__set__(5, 1)", "d.__delete__(B())", "d.__get__(None)", "d.__get__(None, None)"):
    try:
        print(call, "->", eval(call))
    except (TypeError, AttributeError) as e:
        print(call, "->", type(e).__name__, e)

g = B.__dict__["__dict__"]
b = B()
b.k = 1
print(g, type(g).__name__, g.__name__, g.__qualname__, g.__objclass__)
print(g.__get__(b), g.__get__(None, B) is g)
g.__set__(b, {"z": 2})
print(b.z, vars(b))
w = B.__dict__["__weakref__"]
print(w, w.__name__, w.__qualname__, w.__objclass__, w.__get__(b))
try:
    w.__set__(b, None)
except AttributeError as e:
    print("AttributeError:", e)

m = type(sys.float_info).__dict__["max"]
print(m, m.__name__, m.__qualname__, m.__objclass__, m.__doc__)
print(m.__get__(sys.float_info), m.__get__(None, type(sys.float_info)) is m)
try:
    m.__set__(sys.float_info, 1.0)
except AttributeError as e:
    print("AttributeError:", e)
