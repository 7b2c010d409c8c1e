# The libm-backed functions over a few thousand inputs of every magnitude:
# repr shows every bit, so each line must equal CPython's exactly.
import math
from mod_rng import Rng, show, rows

r = Rng(2024)
xs = ([r.uniform(-10, 10) for _ in range(60)] + [r.uniform(-1, 1) for _ in range(40)]
      + [r.uniform(-750, 750) for _ in range(30)] + [r.wide() for _ in range(70)])
for name in ["acos", "asin", "atan", "cos", "sin", "tan", "exp", "exp2", "expm1",
             "log", "log2", "log10", "log1p", "sqrt", "cbrt", "sinh", "cosh", "tanh",
             "asinh", "acosh", "atanh", "erf", "erfc"]:
    f = getattr(math, name)
    rows(name, (show(f, x) for x in xs), 10)
