# Calls with keywords, defaults and *args/**kwargs into Python functions:
# what the callee sees (counts, values) and binding errors.
import sys


def show(a, b=2, *rest, c, d=4, **kw):
    return a, b, rest, c, d, sorted(kw.items())


print(show(1, c=3))
print(show(1, 5, 6, 7, c=3, e=9))
args = (10, 20, 30)
kwargs = {"c": 1, "z": 2}
print(show(*args, **kwargs))
print(show(*[1], **{"c": 2, "d": 5}))


def counts(x, y):
    return sys.getrefcount(x), sys.getrefcount(y)


t = (object(), object())
print("star", counts(*t))
print("star kw", counts(*t[:1], **{"y": t[1]}))
print("plain", counts(t[0], t[1]))
print("kw", counts(t[0], y=t[1]))


def fn_count():
    return sys.getrefcount(fn_count)


print("function count direct", fn_count())
print("function count star", fn_count(*()))


def gen(a, *, b):
    yield a
    yield b


print(list(gen(*[1], **{"b": 2})), list(gen(3, b=4)))

for bad in [lambda: show(), lambda: show(1), lambda: show(1, c=1, a=2),
            lambda: show(*[1], **{"c": 1, "a": 2}), lambda: counts(1, 2, 3),
            lambda: counts(*(1,)), lambda: counts(1, z=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


def deep(n, **kw):
    if n == 0:
        return kw
    return deep(n - 1, **kw, **{"k%d" % n: n})


print(sorted(deep(5).items()))


class K:
    def m(self, a, b=1, *, c=2):
        return a + b + c


k = K()
print(k.m(1), k.m(1, c=5), k.m(*(1, 2), **{"c": 3}), K.m(k, 1, b=0))

import gc


def gcount(*a, **kw):
    return gc.get_count()[0]


def gcount2(x, y):
    return gc.get_count()[0]


gc.disable()
for call in [lambda: gcount(**{"x": 1}), lambda: gcount(*(1, 2)), lambda: gcount2(*(1,), **{"y": 2}),
             lambda: gcount2(1, y=2), lambda: gcount(1, 2, z=3)]:
    a = gc.get_count()[0]
    b = call()
    print("gc count delta", b - a)
gc.enable()
