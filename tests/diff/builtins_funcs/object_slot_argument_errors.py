# object's methods called with the wrong number of arguments raise CPython's
# TypeErrors (they crashed refscope with an internal error), and the
# class hooks __init_subclass__ and __subclasshook__.
for expr in ("object.__eq__(1)", "object.__ne__(1)", "object.__getattribute__(1)", "object.__setattr__(1, 'a')", "object.__delattr__(1)", "object.__format__(1)", "object.__lt__(1)", "object.__eq__(1, 2, 3)", "object.__setattr__(1)", "object.__reduce_ex__(1)", "object.__init_subclass__(1)", "object.__dir__()", "object.__sizeof__()", "object.__hash__()", "object.__repr__()", "object.__str__()", "object.__format__()", "object.__subclasshook__()"):
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)

import types
class C:
    def f(self): pass
m = C().f
for expr in ("type(len).__eq__(len)", "types.MethodType.__eq__(m)", "int.__add__(1)", "object.__eq__(1)", "list.__eq__([])"):
    try:
        print(eval(expr))
    except TypeError as e:
        print(expr, e)

try:
    class A(foo=1): pass
except TypeError as e:
    print(e)
class B:
    def __init_subclass__(cls, **kw):
        print("sub", cls.__name__, kw)
        super().__init_subclass__()
class C(B, x=1): pass
print(int.__add__.__class__, object.__subclasshook__(), B.__subclasshook__(int))
