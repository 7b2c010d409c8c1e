# obj.__class__ = C works between classes with the same layout.
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
class S:
    __slots__ = ("x",)
a = A()
a.__class__ = B
print(type(a).__name__, a.who(), isinstance(a, B), isinstance(a, A))
for target in (S, int):
    try:
        a.__class__ = target
    except TypeError as e:
        print("TypeError:", e)
try:
    (1).__class__ = A
except TypeError as e:
    print("TypeError:", e)
try:
    a.__class__ = 5
except TypeError as e:
    print("TypeError:", e)
print(a.__class__ is B, A().__class__ is A, (1).__class__)
