# math.pow: C99's special cases settled before libm, errors for a negative
# base with a fractional exponent, zero to a negative power, overflow.
import math
from mod_rng import show, rows

inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 2.5, -2.5, inf, -inf, nan,
        1e308, -1e308, 5e-324, 1.0000000000000002, 0.9999999999999999, 1023.0, 1024.0, -1075.0]
rows("pow", (show(math.pow, x, y) for x in vals for y in vals), 12)
print(math.pow(2, 10), math.pow(10, -2), math.pow(True, 3), math.pow(4, 0.5))
print(show(math.pow, 10**400, 1), show(math.pow, 2, 10**400), show(math.pow, "2", 1))
print(math.pow(-8.0, 1.0 / 3) if False else show(math.pow, -8.0, 1.0 / 3))
print(show(math.pow, 0.0, -1.0), show(math.pow, -0.0, -3.0), show(math.pow, 10.0, 400.0), show(math.pow, -10.0, 401.0))
print(2.0 ** 0.5 == math.pow(2.0, 0.5), (-2.0) ** 3 == math.pow(-2.0, 3))
