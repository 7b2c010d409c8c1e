class A:
    def __add__(self, other):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, other):
        print("A.__radd__")
        return "A.radd result"

class B:
    def __add__(self, other):
        print("B.__add__")
        return NotImplemented
    def __radd__(self, other):
        print("B.__radd__")
        return NotImplemented

try:
    A() + B()
except TypeError as e:
    print("TypeError:", e)
print(B() + A())
try:
    B() + B()
except TypeError as e:
    print("TypeError:", e)
try:
    A() + A()  # same type: __radd__ is not tried
except TypeError as e:
    print("TypeError:", e)

# A subclass overriding the reflected method is tried first.
class A2(A):
    def __radd__(self, other):
        print("A2.__radd__")
        return "A2 first"

print(A() + A2())
print(1 + A())
