# hypot (any number of arguments) and dist use CPython's compensated
# vector norm: exact bits for ordinary, huge and subnormal coordinates.
import math
from mod_rng import Rng, show, rows

r = Rng(5)
out = []
for n in range(0, 7):
    for _ in range(40):
        kind = r.randint(0, 3)
        if kind == 0:
            v = [r.uniform(-10, 10) for _ in range(n)]
        elif kind == 1:
            v = [r.wide() for _ in range(n)]
        elif kind == 2:
            v = [r.uniform(-1, 1) * 2.0 ** r.randint(-1074, -1000) for _ in range(n)]
        else:
            v = [float(r.randint(-1000, 1000)) for _ in range(n)]
        w = [r.uniform(-10, 10) for _ in range(n)]
        out.append(show(math.hypot, *v))
        out.append(show(math.dist, v, w))
rows("norm", out, 8)
inf, nan = math.inf, math.nan
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(-0.0, 0.0))
print(math.hypot(inf, nan), math.hypot(nan, -inf), math.hypot(nan, 1), math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324))
print(math.hypot(1.7976931348623157e308, 1.7976931348623157e308 / 2 ** 27))
print(math.hypot(3, True, 4.0), math.hypot(10**20, 1), show(math.hypot, 10**400))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], (1, 1, 1)), math.dist(iter([1.0]), (4.0,)))
print(math.dist((), ()), math.dist((inf,), (inf,)), math.dist((nan, inf), (0, 0)))
for p, q in [((1, 2), (1,)), (1, (1,)), ((1,), "a"), (("a",), (1,)), ([1, 2], [3, None])]:
    print(show(math.dist, p, q))
