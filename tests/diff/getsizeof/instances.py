# Instances of classes: slots, __dict__, __weakref__ and the managed dict.
import sys
g = sys.getsizeof
class C:
    pass
class E:
    def __init__(self):
        self.a = 1
        self.b = 2
class S:
    __slots__ = ("a", "b")
class S0:
    __slots__ = ()
class SD:
    __slots__ = ("a", "__dict__")
class SW:
    __slots__ = ("a", "__weakref__")
class Sub(S):
    pass
class SubS(S):
    __slots__ = ("c",)
print(g(C()), g(E()), g(S()), g(S0()), g(SD()), g(SW()), g(Sub()), g(SubS()))
print(C().__sizeof__(), S().__sizeof__(), S0().__sizeof__())
class LI(list):
    pass
class DI(dict):
    pass
class FL(float):
    pass
class BY(bytes):
    pass
class CO(complex):
    pass
class FS(frozenset):
    pass
print(g(LI()), g(LI([1, 2, 3])), g(DI()), g(DI(a=1)), g(FL(1.0)), g(BY(b"abc")), g(CO(1)), g(FS()))
