# Class calls remember that a class's __new__ is a builtin one while the
# class is unchanged: assigning __new__ to it or to a base must be seen.
class A:
    def __init__(self, x): self.x = x
a = A(1)
def mynew(cls, *args):
    print("mynew", cls.__name__, args)
    return object.__new__(cls)
A.__new__ = mynew
b = A(2)
print(b.x)
class B(A): pass
B.__new__ = staticmethod(mynew)
print(B(4).x)
class C(int): pass
print(C(5), type(C(5)).__name__)
C.__new__ = lambda cls, v: int.__new__(cls, v * 10)
print(C(5))
class Base: pass
class Der(Base):
    def __init__(self): pass
Der()
Base.__new__ = staticmethod(lambda cls: print("base new", cls.__name__) or object.__new__(cls))
Der()
class E:
    def __init__(self, *a): self.a = a
for i in range(3):
    print(E(i).a)
E.__new__ = staticmethod(lambda cls, *a: print("E new", a) or object.__new__(cls))
print(E(9).a)
class F(E): pass
print(F(1).a)
class G:
    pass
print(type(G()).__name__)
G.__new__ = staticmethod(lambda cls: print("G new") or object.__new__(cls))
print(type(G()).__name__)
