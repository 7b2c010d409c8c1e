# The module's names, constants and function objects.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.pi).__name__, type(math.inf).__name__, type(math.nan).__name__)
print(math.nan is math.nan, math.nan == math.nan, math.inf == float("inf"))
print(math.tau == 2 * math.pi, math.pi.hex(), math.e.hex(), math.tau.hex())
print(math.copysign(1.0, math.nan), math.copysign(1.0, -math.inf))
names = sorted(n for n in dir(math) if not n.startswith("_"))
print(len(names))
print(names)
print(math.__name__, type(math).__name__)
print(math.sqrt, math.floor, math.fsum)
print(type(math.sqrt).__name__, math.sqrt.__name__, math.hypot.__name__)
print(all(callable(getattr(math, n)) for n in names if n not in ("pi", "e", "tau", "inf", "nan")))
import math as m2
print(m2 is math)
# builtin functions name their module; bound methods say None
print(math.sqrt.__module__, math.hypot.__self__ is math, len.__module__, [].append.__module__)
print(hasattr(str.join, "__module__"), hasattr((1).__add__, "__module__"))
