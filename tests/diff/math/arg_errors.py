# Argument-count and keyword errors: each function's wording follows how
# CPython parses its arguments.
import math

calls = []
for name in ["sqrt", "ceil", "floor", "trunc", "fabs", "exp", "erf", "gamma", "lgamma", "frexp", "modf",
             "isnan", "isinf", "isfinite", "fsum", "factorial", "isqrt", "ulp", "degrees", "radians",
             "log1p", "log2", "log10", "cbrt", "exp2"]:
    calls += [(name, (), {}), (name, (1, 2), {}), (name, (), {"x": 1})]
for name in ["copysign", "atan2", "fmod", "remainder", "nextafter", "ldexp", "pow", "comb", "perm", "dist"]:
    calls += [(name, (), {}), (name, (1,), {}), (name, (1, 2, 3), {}), (name, (1, 2), {"x": 1})]
for name in ["log", "hypot", "gcd", "lcm", "prod", "isclose"]:
    calls += [(name, (), {}), (name, (1, 2, 3), {}), (name, (1,), {"x": 1}), (name, (), {"x": 1})]
for name, args, kw in calls:
    try:
        r = getattr(math, name)(*args, **kw)
        print(name, len(args), sorted(kw), "->", r)
    except Exception as e:
        print(name, len(args), sorted(kw), type(e).__name__, e)
math.sqrt(1, 2)
