# log, log2, log10 of floats and of ints of any size (too big for a float:
# through the int's mantissa and exponent), bases, and errors.
import math
from mod_rng import Rng, show, rows

r = Rng(3)
out = []
for _ in range(120):
    b = r.randint(1, 4000)
    x = r.bits(min(b, 64)) << max(0, b - 64) | r.bits(30)
    out += [show(math.log, x), show(math.log2, x), show(math.log10, x), show(math.log, x, r.randint(2, 40))]
rows("int", out, 8)
print(math.log(10**400), math.log(10**400, 10), math.log2(2**5000), math.log10(10**500), math.log(2**1024))
print(math.log(2**1023 * 3), math.log2(2**1024 - 1), math.log(10**308 * 179))
print(math.log(True), math.log(8, 2), math.log(100, 10), math.log(2.0**-1074), math.log(1e-320, 2))
print(math.log(math.e), math.log(math.inf), math.log(math.nan), math.log2(0.5), math.log10(1e-5), math.log1p(1e-20))
for args in [(0,), (-1,), (0.0,), (-0.0,), (-math.inf,), (-10**400,), (10, 0), (10, 1), (1, 1.0), (10, -2),
             (10, None), ("10",), (10, 10**400), (10**400, 0.5)]:
    print(args if len(str(args)) < 30 else len(args), show(math.log, *args))
for f in (math.log2, math.log10):
    print([show(f, x) for x in (0, -5, 0.0, -1e-300, math.inf, -math.inf, 10**600, True)])
