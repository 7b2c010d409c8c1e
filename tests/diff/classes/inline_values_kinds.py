# Inline instance values (CPython 3.11) with names set by setattr, with
# __slots__ beside a __dict__, in subclasses, and through copy.
import sys, copy


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


P(0, 0)

# A str subclass as a name.
class S(str):
    pass

w = P(1, 2)
setattr(w, S("k"), 3)
print(w.k, list(vars(w)))
w2 = P(1, 2)
setattr(w2, "".join(["b"]), 5)
print(w2.b, list(vars(w2)))

# __slots__ with __dict__.
class SL:
    __slots__ = ("s", "__dict__")
    def __init__(self):
        self.s = 1
        self.a = 2

SL()
sl = SL()
sl.b = 3
print(sl.s, sl.a, sl.b, vars(sl), sys.getsizeof(sl))

# Subclasses have their own names.
class P2(P):
    def __init__(self):
        self.q = 0
        super().__init__(1, 2)

P2()
p2 = P2()
print(list(vars(p2)), p2.a, p2.q)

# copy, deepcopy, __reduce_ex__.
c = P([1], {"k": 2})
print(c.__reduce_ex__(2)[2], copy.copy(c).b is c.b, copy.deepcopy(c).b == c.b)
