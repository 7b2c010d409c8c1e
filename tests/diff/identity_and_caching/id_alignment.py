# Every object CPython makes is 16-byte aligned: identities are multiples of
# 16 and the default hash (the identity rotated by 4 bits) is positive.
class A: pass
class S:
    __slots__ = ("a",)
def g(): yield 1
import sys
objs = [A(), S(), g(), g, lambda: 0, A, type("X", (), {}), sys, iter([]), range(3), {1: 2}.items(), [1, 2, 3][::-1], 2**100, b"ab", bytearray(b"x"), {1}, frozenset({2}), 1j, ValueError("x"), super, property(), staticmethod(g), A().__init__ if hasattr(A, "__init__") else None]
print([id(o) % 16 for o in objs])
print(all(hash(o) > 0 for o in objs if type(o).__hash__ is object.__hash__))
