# Classes, functions, methods, modules and builtins.
import sys
g = sys.getsizeof
class C:
    def m(self):
        pass
class S:
    __slots__ = ("a",)
class I(int):
    pass
class M(type):
    pass
class WithM(metaclass=M):
    pass
print(g(C), g(S), g(I), g(M), g(WithM))
print(g(int), g(type), g(object), g(list), g(dict))
def f(x):
    return x
print(g(f), g(lambda: 0), g(C().m), g(len), g([].append), g(list.append), g(object.__init__))
print(g(sys), g(property()), g(staticmethod(f)), g(classmethod(f)))
def outer():
    v = 1
    def inner():
        return v
    return inner
print(g(outer().__closure__[0]))
