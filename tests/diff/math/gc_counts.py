# What the calls allocate, as gc.get_count() sees it: tuples returned
# (frexp, modf), the argument tuple of log (a varargs function), the tuple
# of keyword names prod's and isclose's parsers build on first use, and
# nothing left behind.
import gc
import math
import sys

gc.disable()
keep1 = [(i,) for i in range(3000)]
keep4 = [(i, i, i, i) for i in range(3000)]


def delta(f):
    c0 = gc.get_count()[0]
    try:
        f()
    except TypeError:
        pass
    return gc.get_count()[0] - c0


print("prod() error", delta(lambda: math.prod()))
print("prod kw", delta(lambda: math.prod([2], start=3)))
print("isclose(1) error", delta(lambda: math.isclose(1)))
print("isclose kw", delta(lambda: math.isclose(1, 2, rel_tol=0.5)))
print("isclose kw again", delta(lambda: math.isclose(1, 2, abs_tol=0.5)))
keep2 = [(i, i) for i in range(3000)]
kept = []
for name, f in [("frexp", lambda: kept.append(math.frexp(3.0))), ("modf", lambda: kept.append(math.modf(2.5))),
                ("log", lambda: math.log(8)), ("log base", lambda: math.log(8, 2)),
                ("hypot", lambda: math.hypot(3, 4)), ("dist tuples", lambda: math.dist((1, 2), (3, 4))),
                ("fsum", lambda: math.fsum([0.1, 0.2])), ("gcd", lambda: math.gcd(12, 18, 30)),
                ("floor", lambda: math.floor(2.5)), ("sqrt", lambda: math.sqrt(2.0))]:
    print(name, delta(f))
print(len(kept), sys.getrefcount(kept[0]))
