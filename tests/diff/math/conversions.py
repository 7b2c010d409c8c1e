# How arguments become doubles (float subclasses, __float__, __index__,
# huge ints) and ints (__index__ only), with CPython's messages.
import math
from mod_rng import show


class HasFloat:
    def __float__(self):
        return 0.25


class HasIndex:
    def __index__(self):
        return 9


class Both:
    def __float__(self):
        return 4.0

    def __index__(self):
        return 16


class BadFloat:
    def __float__(self):
        return "x"


class BadIndex:
    def __index__(self):
        return 2.0


class F(float):
    def __float__(self):
        return 100.0


class I(int):
    def __float__(self):
        return 0.5


for f in (math.sqrt, math.exp, math.fabs, math.isnan, math.log, math.log2, math.gamma, math.erf):
    print(f.__name__, [show(f, x) for x in (HasFloat(), HasIndex(), Both(), F(4.0), I(4), True, 10**400)])
for x in (BadFloat(), BadIndex(), "1", None, [1.0], 1j, b"1"):
    print(show(math.sqrt, x), show(math.atan2, 1, x), show(math.hypot, x), show(math.fsum, [x]))
for f in (math.gcd, math.factorial, math.isqrt, math.lcm):
    print(f.__name__, [show(f, x) for x in (HasFloat(), HasIndex(), Both(), BadIndex(), 3.0, "3", I(9))])
print(math.copysign(3, -0.0), math.copysign(-3, 2**100), math.copysign(True, -1), math.fabs(-10**300))
print(show(math.sqrt, 10**400), math.floor(10**400) == 10**400, show(math.atan2, 1, -(10**400)))
# ints round to the nearest double (half to even) before overflowing
print(show(math.sqrt, 2**1024 - 2**970), show(math.sqrt, 2**1024 - 2**970 - 1), show(math.fabs, 2**53 + 1), show(math.fabs, 2**53 + 3))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(True), math.degrees(-0.0))
