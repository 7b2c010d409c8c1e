# sys.getsizeof of code objects: CPython 3.11's header plus its bytecode
# (inline caches included), for functions of varied shapes.
import sys


def empty():
    pass


def docstring_only():
    "A docstring and nothing else."


def arith(a, b, c=3):
    x = a * b + c
    y = x ** 2 - a // b % c
    return x, y, -x, ~y


def branches(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10 and n % 2:
        return "small odd"
    else:
        return "other"


def loops(items):
    total = 0
    for i, v in enumerate(items):
        if v is None:
            continue
        if v > 100:
            break
        total += v * i
    else:
        total = -total
    while total > 10:
        total //= 2
    return total


def handlers(f):
    try:
        r = f()
    except (ValueError, TypeError) as e:
        r = str(e)
    except Exception:
        r = None
    else:
        r = r * 2
    finally:
        print("done")
    return r


def contexts(path):
    with open(path) as a, open(path) as b:
        return a.read() + b.read()


def comprehensions(xs):
    a = [x * 2 for x in xs if x]
    b = {x: x + 1 for x in xs}
    c = {x for x in xs for y in xs if x != y}
    d = sum(x for x in xs)
    return a, b, c, d


def calls(f, *args, **kw):
    f(1, 2, 3)
    f(*args)
    f(1, *args, x=2)
    f(**kw)
    f(a=1, b=2)
    kw.get("k", None)
    return f(*args, **kw)


def closures():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    return inc


def generator(n):
    yield 1
    yield from range(n)
    return (yield)


def strings(a, b):
    return f"{a}-{b!r}-{a:>{b}}" + "%s" % a


def unpacking(seq):
    a, b = seq[0], seq[1]
    a, b = b, a
    first, *rest = seq
    (x, y), z = seq[:2], seq[2]
    return first, rest, x, y, z, a, b


def slicing(s):
    s[1:2] = s[::2]
    del s[0]
    s[0] += 1
    return s[-1], s[1:], s[::-1]


class Holder:
    attr = 1

    def method(self):
        return super().__repr__(), self.attr

    @staticmethod
    def static(x):
        return x

    @property
    def prop(self):
        return self.attr


lam = lambda x, y=2: x + y

for f in [empty, docstring_only, arith, branches, loops, handlers, contexts, comprehensions,
          calls, closures, generator, strings, unpacking, slicing, Holder.method, Holder.static,
          Holder.prop.fget, lam, closures()]:
    c = f.__code__
    print(f.__qualname__, sys.getsizeof(c), c.__sizeof__(), c.co_stacksize)

mod = compile("x = 1\nfor i in range(3):\n    x += i\n", "<s>", "exec")
print("module", sys.getsizeof(mod), mod.co_stacksize)
print("class body", sys.getsizeof(compile("class A:\n    def f(self): return 1\n", "<s>", "exec").co_consts[0]))
