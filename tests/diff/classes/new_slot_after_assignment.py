# CPython keeps a class's constructor slot (tp_new) in step with its
# __new__: once a class has had a __new__ of its own, its slot calls
# __new__ as Python code does, even after `del C.__new__` leaves object's
# again, and object.__new__ then rejects extra arguments.
def show(label, make):
    try:
        r = make()
        print(label, "->", type(r).__name__, r if isinstance(r, int) else getattr(r, "x", None))
    except TypeError as e:
        print(label, "-> TypeError:", e)

def f(cls, *a):
    print("  f called with", a)
    return object.__new__(cls)

class A:
    def __init__(self, x):
        self.x = x
A.__new__ = f
show("A(1) with f", lambda: A(1))
del A.__new__
show("A(2) after del", lambda: A(2))
print("A.__new__ is object.__new__:", A.__new__ is object.__new__, "__new__" in A.__dict__)

class B:
    def __init__(self, x):
        self.x = x
B.__new__ = object.__new__
show("B(3) object.__new__ assigned", lambda: B(3))

class C:
    def __init__(self, x):
        self.x = x
C.__new__ = staticmethod(object.__new__)
show("C(4) staticmethod(object.__new__)", lambda: C(4))

class D:
    pass
D.__new__ = f
del D.__new__
show("D(5)", lambda: D(5))
show("D()", lambda: D())

class E(int):
    pass
E.__new__ = lambda cls, *a: int.__new__(cls, 7)
show("E(1)", lambda: E(1))
del E.__new__
show("E(2)", lambda: E(2))

class P:
    def __new__(cls, *a):
        return super().__new__(cls)
class Q(P):
    def __init__(self, x):
        self.x = x
show("Q(6) inherits a Python __new__", lambda: Q(6))
class R(P):
    def __init__(self, x):
        self.x = x
R.__new__ = object.__new__
show("R(7) object.__new__ over an inherited slot", lambda: R(7))

class S:
    def __new__(cls, x):
        return super().__new__(cls, x)
show("S(8) super().__new__ with an argument", lambda: S(8))
class T:
    def __new__(cls, x):
        return super().__new__(cls, x)
    def __init__(self, x):
        self.x = x
show("T(9) same, with __init__", lambda: T(9))
class U:
    def __init__(self, x):
        self.x = x
show("object.__new__(U, 10)", lambda: object.__new__(U, 10))
class V:
    pass
show("object.__new__(V, 11)", lambda: object.__new__(V, 11))
