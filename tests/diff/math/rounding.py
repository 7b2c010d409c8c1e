# ceil, floor, trunc: ints back, special methods honoured, errors.
import math

vals = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 1e16 + 0.5, -1e300, 1e300, 5e-324,
        -5e-324, 4503599627370495.5, 2.0**52, 2.0**53 + 2, -2.0**63, 2.0**63, 1.7976931348623157e308]
for v in vals:
    r = (math.ceil(v), math.floor(v), math.trunc(v))
    print(repr(v), r, [type(x).__name__ for x in r])
for v in [7, -7, 10**30, -10**30, True, False]:
    print(v, math.ceil(v), math.floor(v), math.trunc(v), type(math.floor(v)).__name__)
for v in [float("inf"), float("-inf"), float("nan")]:
    for f in (math.ceil, math.floor, math.trunc):
        try:
            f(v)
        except (OverflowError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)


class Num:
    def __ceil__(self):
        return "ceil called"

    def __floor__(self):
        return ["floor", "called"]

    def __trunc__(self):
        return 42


class OnlyFloat:
    def __float__(self):
        return 2.75


class F(float):
    def __floor__(self):
        return "F.__floor__"


print(math.ceil(Num()), math.floor(Num()), math.trunc(Num()))
print(math.ceil(OnlyFloat()), math.floor(OnlyFloat()))
print(math.floor(F(1.5)), math.ceil(F(1.5)), math.trunc(F(-1.5)))
for f in (math.ceil, math.floor, math.trunc):
    for bad in ["3", None, [1], OnlyFloat()]:
        try:
            print(f.__name__, f(bad))
        except TypeError as e:
            print(f.__name__, "TypeError", e)


# The method is looked up and bound as CPython does: it holds self while
# it runs (one more reference than a plain call), staticmethods and
# classmethods work, and None is called (and fails).
import sys


class Counted:
    def __ceil__(self):
        return sys.getrefcount(self)

    def __floor__(self):
        return sys.getrefcount(self)

    def __trunc__(self):
        return sys.getrefcount(self)

    def __float__(self):
        return float(sys.getrefcount(self))


c = Counted()
print(math.ceil(c), math.floor(c), math.trunc(c), math.sqrt(c) ** 2)


class Odd:
    __ceil__ = None
    __trunc__ = None

    @staticmethod
    def __floor__():
        return "static"

    def __float__(self):
        return 1.5


print(math.floor(Odd()))
for f in (math.ceil, math.trunc):
    try:
        f(Odd())
    except TypeError as e:
        print(f.__name__, e)
