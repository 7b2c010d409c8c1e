# Every one-argument function on special and boundary values: results (as
# repr, so bit for bit) and the errors CPython raises.
import math
from mod_rng import SPECIALS, show, rows

extra = [-1e-320, 1e-320, 0.25, -0.75, 20.0, -20.0, 30.0, 700.0, -700.0, 1024.0,
         -1075.0, 171.0, 171.5, 172.0, -170.5, 200.5, -200.5, 1e-16, 0.7, 1.5, 6.0]
xs = SPECIALS + extra
for name in ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh",
             "degrees", "erf", "erfc", "exp", "exp2", "expm1", "fabs", "gamma",
             "isfinite", "isinf", "isnan", "lgamma", "log", "log10", "log1p", "log2",
             "radians", "sin", "sinh", "sqrt", "tan", "tanh", "ulp"]:
    f = getattr(math, name)
    rows(name, (show(f, x) for x in xs))
