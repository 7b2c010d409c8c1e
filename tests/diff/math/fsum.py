# fsum is exactly rounded: Shewchuk's partials, CPython's half-even fix
# across partials, and its errors for overflow and inf - inf.
import math
from mod_rng import Rng, show, rows

r = Rng(11)
out = []
for _ in range(120):
    n = r.randint(0, 20)
    kind = r.randint(0, 2)
    if kind == 0:
        v = [r.wide() for _ in range(n)]
    elif kind == 1:
        v = [r.uniform(-1, 1) * 10.0 ** r.randint(-20, 20) for _ in range(n)]
    else:
        v = [r.random() for _ in range(n)] + [1e100, -1e100]
    out.append(show(math.fsum, v))
rows("fsum", out, 6)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e-16, 1, 1e16]), math.fsum([1, 1e100, 1, -1e100]))
print(math.fsum([]), math.fsum([-0.0]), math.fsum([-0.0, -0.0]), math.fsum(x / 10 for x in range(11)))
print(math.fsum([1, 2, 3]), math.fsum([True, 2.5]), math.fsum(range(10**3)), math.fsum([2.0**-1074] * 3))
inf, nan = math.inf, math.nan
for v in [[inf, 1.0], [-inf, 1e308, 1e308], [inf, -inf], [nan, inf], [1e308, 1e308], [1e308, 1e308, -1e308],
          [1.7976931348623157e308, 9.979201547673598e291], [inf, inf, 1e308, 1e308], [1, "2"], 5, [10**400]]:
    print(show(math.fsum, v))
