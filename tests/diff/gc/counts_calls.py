# Allocation counts of call shapes and assignments: f(*x) passes x's tuple
# as it is (a list is freed once copied), keywords with ** build one dict,
# calling an instance goes through a tuple (and dict and names), list()
# and dict() never come from the free list, a, b = b, a makes no tuple.
import gc
gc.disable()
from mod_gcprobe import measure, out


class P:
    def __call__(self, *a, **k):
        return a
    def plain(self, x):
        return x

class Q:
    def __call__(self, x, y):
        return x

p = P()
q = Q()
L = [1, 2]
T = (1, 2)
D = {"k": 1}

def key(x):
    return "{}".format(x)

def swap():
    a, b = 1, 2
    a, b = b, a
    c, d, e = a, b, a
    c, d, e = e, c, d
    return a

def swap_list():
    l = [1, 2]
    l[0], l[1] = l[1], l[0]
    return l

measure("p(1, 2)", lambda: p(1, 2))
measure("q(1, 2)", lambda: q(1, 2))
measure("q(x=1, y=2)", lambda: q(x=1, y=2))
measure("q(*L)", lambda: q(*L))
measure("q(*T)", lambda: q(*T))
measure("p(*T, **D)", lambda: p(*T, **D))
measure("sorted(*[L], key=key)", lambda: sorted(*[L], key=key))
measure("sorted(*(L,), key=key)", lambda: sorted(*(L,), key=key))
measure("sorted(L, **{'key': key})", lambda: sorted(L, **{"key": key}))
measure("max(*T)", lambda: max(*T))
measure("max(*L)", lambda: max(*L))
measure("print(*T)", lambda: print(*T, end="\n"))
measure("P(*())", lambda: P(*()))
measure("zip(*[L, L])", lambda: list(zip(*[L, L])))
measure("format(*T)", lambda: "{}{}".format(*T))
measure("p.plain(*[1])", lambda: p.plain(*[1]))
measure("dict(**D)", lambda: dict(**D))
measure("list(*[L])", lambda: list(*[L]))
measure("list(L)", lambda: list(L))
measure("dict(D)", lambda: dict(D))
measure("len(*T, **{})", lambda: len(*[T], **{}))
measure("f(1, 2, 3, **D)", lambda: p(1, 2, 3, **D))
measure("swap", swap)
measure("swap list items", swap_list)
for line in out:
    print(line)

def f(*a, **k):
    return a, sorted(k.items())
print(f(*[1], a=1, b=2), f(**D), f(a=1, **D), f(**D, a=1), f(*[], **D, b=2, **{"c": 3}))
try:
    f(*[1], a=1, **{"a": 2})
except TypeError as e:
    print(e)
try:
    f(**D, **D)
except TypeError as e:
    print(e)
print(f(1, 2, 3, **D), f(1, -2, "x", **D))
a, b, c = 1, 2, 3
a, b, c = c, a, b
[a, b] = b, a
x, = a,
print(a, b, c, x)
