# Data-building constructs, for the code-shape corpus (tests/codeshape).
import sys


def displays(a, b, *rest, **kw):
    t = (a, *rest, b)
    l = [*rest, a, *rest]
    s = {a, *rest}
    d = {"a": a, **kw, "b": b}
    d2 = {a: b, b: a}
    d3 = {**kw}
    big = [a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b]
    return t, l, s, d, d2, d3, big


def fstrings(x, w):
    return f"{x}", f"{x!r:>{w}.{w}}", f"a{x}b{x}c", f"{x=}", f"{x:{w}}", f"{'lit'}"


def percent(a, b):
    return "%s and %r" % (a, b), "%d" % (a,), "%-5s|" % (a,), "%s" % a, "%%s" % ()


def comprehensions(xs, ys):
    return ([x + y for x in xs for y in ys if x if y],
            {x: [y for y in ys] for x in xs},
            list(x for x in xs if x > 0),
            {(x, y) for x in xs for y in ys})


def calls(obj, f, args, kw):
    obj.m(1, 2, k=3)
    f(*args, *args)
    f(1, 2, *args, k=1, **kw)
    f(**kw, **kw)
    obj.attr.m()
    sys.getsizeof(obj)
    return obj.m(*args), f(a=1)(b=2)


def unpack(seq):
    a, (b, c), *d = seq
    [e, f] = seq[:2]
    a, b, c = c, b, a
    a, b = b, a
    x = y = z = seq
    return a, b, c, d, e, f, x, y, z


def augmented(o, k):
    o.x += 1
    o[k] -= 2
    o[k:k + 1] *= 3
    k **= 2
    k //= 3
    return k


@staticmethod
def decorated(x: int, *args: str, y: "q" = 1, **kw: float) -> bool:
    return x


class Meta(type):
    pass


class WithKw(object, metaclass=Meta):
    x: int = 1
    y: str

    def method(self, a=(1, 2), *, b=[1], c=None):
        return self.x, a, b, c


for f in (displays, fstrings, percent, comprehensions, calls, unpack, augmented,
          decorated.__func__, WithKw.method):
    c = f.__code__
    print(f.__name__, sys.getsizeof(c), c.co_stacksize)
