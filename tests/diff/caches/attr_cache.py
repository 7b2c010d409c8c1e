# Attribute lookups are cached per (type, name): every way of changing what
# a lookup answers must be seen at once, for the class and its subclasses.

class Base:
    greeting = "base"
    def hello(self):
        return "Base.hello"

class Mid(Base):
    pass

class Leaf(Mid):
    pass

obj = Leaf()
for round_ in range(3):
    print(round_, obj.greeting, obj.hello(), Leaf.greeting)

# A base class changes: subclasses see it.
Base.greeting = "changed"
print(obj.greeting, Leaf.greeting, Mid.greeting)

# A subclass shadows, then stops shadowing.
Mid.greeting = "mid"
print(obj.greeting)
del Mid.greeting
print(obj.greeting)

# A method replaced on the base while instances use it in a loop.
def other(self):
    return "other"
results = []
for i in range(4):
    results.append(obj.hello())
    if i == 1:
        Base.hello = other
print(results)

# An instance attribute shadows a non-data class attribute.
obj.greeting = "mine"
print(obj.greeting)
del obj.greeting
print(obj.greeting)

# A data descriptor added to a class after instances read the attribute.
class P:
    pass
p = P()
p.x = 1
print(p.x)
P.x = property(lambda self: "from property")
print(p.x)
del P.x
print(p.x)

# Special methods added and removed after use.
class Num:
    def __init__(self, v):
        self.v = v
try:
    Num(1) + Num(2)
except TypeError as e:
    print("TypeError:", e)
Num.__add__ = lambda self, other: Num(self.v + other.v)
print((Num(1) + Num(2)).v)
del Num.__add__
try:
    Num(1) + Num(2)
except TypeError as e:
    print("TypeError:", e)

# A class attribute counter updated in __init__ (the cache must not go stale
# for the counter nor for other lookups).
class Counted:
    count = 0
    def __init__(self):
        Counted.count += 1
        self.n = Counted.count
    def get(self):
        return self.n
made = [Counted().get() for _ in range(5)]
print(made, Counted.count)

# __bases__ assignment changes the MRO.
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
class C(A):
    pass
c = C()
print(c.who())
C.__bases__ = (B,)
print(c.who(), [k.__name__ for k in C.__mro__])

# Classes created and freed in a loop: a new class at a freed one's address
# must not inherit its cached lookups.
answers = []
for i in range(50):
    if i % 2:
        class T:
            value = i
    else:
        class T:
            pass
    answers.append(getattr(T(), "value", None))
    del T
print(answers[:6], answers.count(None))

# Names built at run time (not interned) and interned ones agree.
name = "".join(["gree", "ting"])
print(getattr(obj, name), getattr(Leaf, name))

# __bases__ errors, as CPython words them.
for bad in [[B], (), (1,), (C,)]:
    try:
        C.__bases__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del C.__bases__
except TypeError as e:
    print("TypeError:", e)
class L(list):
    pass
try:
    C.__bases__ = (L,)
except TypeError as e:
    print("TypeError:", e)
print([k.__name__ for k in C.__mro__], C.__bases__ == (B,))

# Bases whose instances are laid out differently are refused.
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b", "c")
class UsesS1(S1):
    __slots__ = ()
for new in [(S2,), (B,)]:
    try:
        UsesS1.__bases__ = new
    except TypeError as e:
        print("TypeError:", e)
class S3:
    __slots__ = ("a",)
UsesS1.__bases__ = (S3,)
print([k.__name__ for k in UsesS1.__mro__])
