# __sizeof__ defined by a class: getsizeof adds the gc and dict pre-headers.
import sys
class A:
    def __init__(self, v):
        self.v = v
    def __sizeof__(self):
        return self.v
class SL:
    __slots__ = ("v",)
    def __sizeof__(self):
        return 10
class L(list):
    def __sizeof__(self):
        return super().__sizeof__() + 1000
for v in (0, 5, True, 2 ** 40):
    print(repr(v), sys.getsizeof(A(v)))
print(sys.getsizeof(SL()), sys.getsizeof(L([1, 2])), L([1, 2]).__sizeof__())
for v in (-1, 1.5, "x", None, 2 ** 70):
    for args in ((A(v),), (A(v), "default")):
        try:
            print(repr(v), sys.getsizeof(*args))
        except Exception as e:
            print(repr(v), type(e).__name__, e)
print(sys.getsizeof(object=5), sys.getsizeof(5, default=1), sys.getsizeof([], None))
for bad in ((), (1, 2, 3)):
    try:
        sys.getsizeof(*bad)
    except TypeError as e:
        print("TypeError", e)
