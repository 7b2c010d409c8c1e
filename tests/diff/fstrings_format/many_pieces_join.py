# An f-string (or a %-format made one) of more than 30 pieces is built as
# ''.join([...]) by CPython 3.11: a list is allocated (gc counts see it),
# the code object is longer, the result is the same.
import gc, sys


def thirty(a):
    return f"{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}"


def thirty_one(a):
    return f"{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}"


def mixed(a, b):
    return f"<{a}|{b!r}|{a:>3}|{b=}|{a}-{a}-{a}-{a}-{a}-{a}-{a}-{a}-{a}-{a}-{a}-{a}-{a}-{a}-{a}>"


def percent(a):
    return "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s" % (a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a)


class Probe:
    def __format__(self, spec):
        print("format sees", sys.getrefcount(self), gc.get_count()[0] - c0)
        return "p"


for f in (thirty, thirty_one, percent):
    print(f.__name__, len(f(7)), f(7)[:12], sys.getsizeof(f.__code__), f.__code__.co_stacksize, f.__code__.co_names)
print(mixed(1, "x"))
print(mixed.__code__.co_names, sys.getsizeof(mixed.__code__))
p = Probe()
gc.collect()
gc.disable()
c0 = gc.get_count()[0]
thirty_one(p)[:3]
print("after", gc.get_count()[0] - c0)
c0 = gc.get_count()[0]
thirty(p)[:3]
print("after", gc.get_count()[0] - c0)
gc.enable()
