# prod: start, int and float fast paths, mixed and non-numeric items;
# isclose: tolerances, infinities, keyword-only arguments.
import math
from mod_rng import Rng, show, rows

r = Rng(31)
out = []
for _ in range(60):
    v = [r.uniform(-3, 3) for _ in range(r.randint(0, 10))]
    w = [r.randint(-10**6, 10**6) for _ in range(r.randint(0, 8))]
    out += [show(math.prod, v), show(math.prod, w), show(math.prod, v, start=r.randint(-5, 5)),
            show(math.prod, w + v), show(math.prod, v + w)]
rows("prod", out, 5)
print(math.prod([]), math.prod([], start=2.5), math.prod(range(1, 21)), math.prod(range(1, 30)))
print(math.prod([2**62, 2, 3]), math.prod([-(2**63), 1]), math.prod([2**63, 1]), math.prod([10**19, 10**19, 2]))
print(math.prod([1, 2, 3.5, 4, 10**20]), math.prod([1.5, 2**60 + 1]), math.prod([2.0, True]), math.prod([True, True]))
print(math.prod(["ab"], start=3), math.prod([3], start="ab"), math.prod([[1]], start=2), math.prod(x for x in (2, 3)))
print(math.prod([1, 2], start=True), math.prod([2, 3], start=1.0), math.prod([1e308, 10]), math.prod([0.0, -1]))
for args, kw in [(([1, 2], 3), {}), ((), {"iterable": [1]}), (([1],), {"foo": 1}), ((1,), {}), ((["a", "b"],), {}),
                 (([None],), {}), (([1, "x"],), {}), ((), {})]:
    print(show(math.prod, *args, **kw))
out = []
for _ in range(80):
    x = r.wide()
    out += [show(math.isclose, x, x * (1 + r.uniform(-1e-8, 1e-8))), show(math.isclose, x, r.wide(), abs_tol=r.uniform(0, 1e300)),
            show(math.isclose, x, x + r.uniform(-1, 1), rel_tol=0.25)]
rows("isclose", out, 12)
inf, nan = math.inf, math.nan
print(math.isclose(inf, inf), math.isclose(inf, -inf), math.isclose(nan, nan), math.isclose(1e308, inf), math.isclose(0.0, -0.0))
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.0000001), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isclose(a=1, b=1), math.isclose(1, b=2, rel_tol=1), math.isclose(10**20, 10**20 + 1), math.isclose(True, 1.0))
for args, kw in [((1, 2, 3), {}), ((1,), {}), ((), {}), ((1, 2), {"rel_tol": -1}), ((1, 2), {"abs_tol": -0.0001}),
                 ((1, 2), {"foo": 3}), ((1,), {"a": 1}), (("1", 2), {}), ((1, 2), {"rel_tol": "x"}), ((1, 10**400), {})]:
    print(show(math.isclose, *args, **kw))
