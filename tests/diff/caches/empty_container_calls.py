# list(), set() and dict() with no arguments go straight to the type's
# constructor; results, identities, sizes, gc counts and errors stay CPython's.
import gc
import sys

a, b = list(), list()
print(a, b, a is b, type(a).__name__, sys.getsizeof(a))
s, t = set(), set()
print(s, s is t, type(s).__name__, sys.getsizeof(s))
d, e = dict(), dict()
print(d, d is e, type(d).__name__, sys.getsizeof(d))
print("tracked:", gc.is_tracked(list()), gc.is_tracked(set()), gc.is_tracked(dict()))
for make in (list, set, dict, tuple, frozenset):
    gc.collect()
    before = gc.get_count()[0]
    kept = [make() for _ in range(5)]
    print(make.__name__, "gen0 count after 5:", gc.get_count()[0] - before, "empty:", all(len(x) == 0 for x in kept))
print(list() == [], set() == set([]), dict() == {})
a.append(1); s.add(2); d[3] = 4
print(a, s, d, list(), set(), dict())


class L(list):
    def __init__(self, *args):
        print("L.__init__", args)
        super().__init__(*args)


class S(set):
    pass


print(L(), type(S()).__name__, S() == set())
list_ = list
print(list_() == [], [f() for f in (list, set, dict)])
for bad in [lambda: list(1, 2), lambda: set(1, 2), lambda: dict(1, 2), lambda: list(x=1), lambda: set(a=1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
