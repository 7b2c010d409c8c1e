# super() calls and lookups: methods, properties, class and static methods,
# descriptors whose __get__ changes the class hierarchy during the lookup,
# super(C, obj) two-argument form, and counts.
import sys


class Base:
    def step(self, dt):
        return ("Base.step", dt)

    @property
    def p(self):
        return "Base.p"

    @classmethod
    def cm(cls):
        return ("Base.cm", cls.__name__)

    @staticmethod
    def sm(x):
        return ("Base.sm", x)


class Mixin:
    def step(self, dt):
        return ("Mixin.step", super().step(dt))


class Child(Mixin, Base):
    def step(self, dt):
        return ("Child.step", super().step(dt))

    @property
    def p(self):
        return ("Child.p", super().p)

    @classmethod
    def cm(cls):
        return ("Child.cm", super().cm())

    @staticmethod
    def sm(x):
        return ("Child.sm", super(Child, Child).sm(x))


c = Child()
print(c.step(1))
print(c.p, Child.cm(), c.cm(), Child.sm(2))
print(super(Mixin, c).step(3), super(Base, c).__class__.__name__)
for _ in range(3):
    r = c.step(4)
print(r)


class Other:
    def hello(self):
        return "Other.hello"


class Sneaky:
    def __get__(self, obj, owner):
        # Change the hierarchy while super() is looking things up.
        Target.__bases__ = (Other,)
        return lambda: "sneaky"


class A:
    hello = Sneaky()


class Target(A):
    def hello(self):
        return ("Target.hello", super().hello())


t = Target()
print(t.hello())
print(Target.__mro__[1].__name__, t.hello())
base_before = sys.getrefcount(Base)
for _ in range(5):
    c.step(0)
print("Base count unchanged by super calls:", sys.getrefcount(Base) - base_before)
try:
    super(Child, 5)
except TypeError as e:
    print("TypeError", e)
