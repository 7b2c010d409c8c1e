# Subclasses of builtins: variable-size bases (int, tuple, bytes) do not
# get weak reference support, others do.
import weakref

class I(int): pass
class T(tuple): pass
class B(bytes): pass
class S(str): pass
class L(list): pass
class D(dict): pass
class F(float): pass
class E(Exception): pass
class St(set): pass

for cls, arg in [(I, 1), (T, ()), (B, b""), (S, "x"), (L, []), (D, {}), (F, 1.0), (E, "e"), (St, ())]:
    o = cls(arg)
    try:
        weakref.ref(o)
        print(cls.__name__, "ok")
    except TypeError as e:
        print(cls.__name__, e)
l = L([1, 2])
r = weakref.ref(l)
print(r() == [1, 2])
del l
print(r())
