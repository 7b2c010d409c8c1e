# A running frame borrows its globals (and builtins) from its function, as
# CPython 3.11's frames do: calls do not change the namespace's count.
import sys

g = globals()
base = sys.getrefcount(g)
print("module namespace count", base)


def f():
    return sys.getrefcount(g) - base


def h():
    return f()


def deep(n):
    if n == 0:
        return sys.getrefcount(g) - base
    return deep(n - 1)


print("module", sys.getrefcount(g) - base)
print("f", f())
print("h", h())
print("deep", deep(10))


class C:
    inside = sys.getrefcount(g) - base


print("class body", C.inside)


def gen():
    yield sys.getrefcount(g) - base
    yield sys.getrefcount(g) - base


it = gen()
print("generator", next(it), next(it))

ns = {"sys": sys, "g": g, "base": base}
exec("r = sys.getrefcount(g) - base", ns)
print("exec with other globals", ns["r"])
exec("r2 = sys.getrefcount(g) - base")
print("exec with these globals", r2)


def frame_kept():
    return sys._getframe()


fr = frame_kept()
print("frame kept", sys.getrefcount(g) - base, fr.f_globals is g)
del fr
print("frame dropped", sys.getrefcount(g) - base)
lam = lambda: sys.getrefcount(g) - base
print("lambda", lam())
print("comprehension", [sys.getrefcount(g) - base for _ in range(1)])
