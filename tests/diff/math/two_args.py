# atan2, copysign, fmod, remainder, nextafter over pairs of special and
# ordinary values, with CPython's domain errors.
import math
from mod_rng import SPECIALS, Rng, show, rows

r = Rng(99)
ys = SPECIALS[:16] + [r.uniform(-10, 10) for _ in range(8)] + [7.5, -7.5, 2.5, -2.5]
for name in ["atan2", "copysign", "fmod", "remainder", "nextafter"]:
    f = getattr(math, name)
    rows(name, (show(f, x, y) for x in ys for y in ys), 12)
# remainder ties go to the even multiple
print([math.remainder(x, 2.0) for x in (-5.0, -3.0, -1.0, 1.0, 3.0, 5.0)])
print([math.remainder(x, 1.0) for x in (0.5, 1.5, 2.5, -0.5, -2.5)])
print(math.fmod(-0.0, 3.0), math.fmod(5.0, -3.0), math.fmod(-5.0, 3.0), math.fmod(1e300, 1e-300))
print(math.nextafter(0.0, -0.0), math.nextafter(-0.0, 0.0), math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0))
print(math.nextafter(1.7976931348623157e308, math.inf), math.nextafter(math.inf, 0.0), math.nextafter(5e-324, 0))
