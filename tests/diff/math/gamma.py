# gamma and lgamma are CPython's own (Lanczos) algorithm, not libm's: the
# results must agree bit for bit over small, large, negative and
# near-integer arguments, with CPython's domain and range errors.
import math
from mod_rng import Rng, show, rows

r = Rng(7)
xs = ([r.uniform(-180, 180) for _ in range(120)] + [r.uniform(-6, 6) for _ in range(120)]
      + [n + r.uniform(-1e-6, 1e-6) for n in range(-12, 12) for _ in range(3)]
      + [n + 0.5 for n in range(-30, 30)] + [r.uniform(0, 1e-19) for _ in range(10)]
      + [float(n) for n in range(-3, 30)] + [140.0, 139.99, 140.01, 171.6243769563027,
                                             171.62437695630274, -171.5, -200.0, -199.5,
                                             1e-300, -1e-300, 5e-324, 2.5e305, -2.5e305])
rows("gamma", (show(math.gamma, x) for x in xs), 6)
rows("lgamma", (show(math.lgamma, x) for x in xs), 6)
for x in [0.0, -0.0, -1.0, -2.0, float("-inf"), float("inf"), float("nan"), 171.7, 1e308]:
    print(repr(x), show(math.gamma, x), show(math.lgamma, x))
