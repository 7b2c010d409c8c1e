# The exact operations: frexp, ldexp, modf, ulp, with subnormals, huge
# exponents and CPython's range errors.
import math
from mod_rng import Rng, SPECIALS, show, rows

r = Rng(42)
out = []
for _ in range(150):
    x = r.wide()
    e = r.randint(-2200, 2200)
    out += [show(math.ldexp, x, e), show(math.frexp, x), show(math.modf, x), show(math.ulp, x)]
rows("bits", out, 8)
rows("special", (show(f, x) for x in SPECIALS for f in (math.frexp, math.modf, math.ulp)), 9)
print(math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(1.5, -1074), math.ldexp(0.75, -1074))
print(math.ldexp(1.0, 1023), show(math.ldexp, 1.0, 1024), math.ldexp(5e-324, 2097), math.ldexp(-0.0, 10**100))
print(show(math.ldexp, 1.0, 10**100), show(math.ldexp, 1.0, -10**100), show(math.ldexp, -2.0, 2**31))
print(math.ldexp(math.inf, -10**100), math.ldexp(math.nan, 5), math.ldexp(3, True), math.ldexp(True, 3))
print(show(math.ldexp, 1.0, 2.0), show(math.ldexp, "1", 1), show(math.ldexp, 1.0, None))
print(math.frexp(0.1), math.frexp(-8), math.frexp(10**300), math.frexp(True))
print(math.modf(-3.0), math.modf(3.75), math.modf(-2.5), math.modf(10**20))
print(math.ulp(1.0), math.ulp(-1.0), math.ulp(0.0), math.ulp(1.7976931348623157e308), math.ulp(5e-324), math.ulp(2**60))
