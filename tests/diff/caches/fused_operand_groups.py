# A local load followed by an operator, a compare, a subscript or an
# attribute access runs as one step; every error, count and hook must be
# the one CPython gives for the separate instructions.
import sys


class P:
    def __init__(self):
        self.x = 1

    @property
    def prop(self):
        return sys.getrefcount(self)

    def __getattr__(self, name):
        return name + "!"

    def meth(self):
        return sys.getrefcount(self)


def attrs(p):
    a = p.x
    b = p.prop
    c = p.missing
    d = p.meth()
    p.y = a + 1
    return a, b, c, d, p.y


print(attrs(P()))


def arith(a, b):
    out = []
    out.append(a + 1)
    out.append(a - b)
    out.append(a * 2)
    out.append(a // b)
    out.append(a % 3)
    out.append(a < b)
    out.append(a == 7)
    out.append(a >= b)
    return out


print(arith(7, 2))
print(arith(2 ** 70, 3))
print(arith(7.5, 2.0))


def sequences(a, b):
    return a + b, a * 2, b + a


print(sequences("ab", "cd"), sequences([1], [2]), sequences((1,), (2,)))


def inplace(a, b):
    a += b
    a *= 2
    return a


lst = [1, 2]
res = inplace(lst, [3])
print(res, res is lst, lst)
print(inplace("x", "y"), inplace(3, 4), inplace((1,), (2,)))


def compares(a, b):
    r = []
    if a < b:
        r.append("lt")
    if a == b:
        r.append("eq")
    if a != 3:
        r.append("ne3")
    if a > b:
        r.append("gt")
    return r


print(compares(1, 2), compares(2, 2), compares("a", "b"), compares((1,), (1,)))


def subscr(seq, i):
    return seq[i]


print(subscr([10, 20, 30], 1), subscr("abc", -1), subscr({"k": 5}, "k"), subscr((1, 2, 3), slice(1, 3)))


class Item:
    def __getitem__(self, k):
        return k, sys.getrefcount(k) - sys.getrefcount(7)


def const_subscr(seq):
    return seq[0], seq[-1], seq["k"] if isinstance(seq, dict) else seq[1:]


big = 2 ** 70
print(const_subscr([1, 2, 3]), const_subscr((4, 5)), const_subscr("xyz"), const_subscr({0: "a", -1: "b", "k": "c"}))
def item_seven(o):
    return o[7]


print(item_seven(Item()))


def const_subscr_errors(seq):
    x = 0
    return seq[5]


for s in ([1], (1,), "a", {}):
    try:
        const_subscr_errors(s)
    except (IndexError, KeyError) as e:
        show(e)


def show(exc):
    tb = exc.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    print(" ", type(exc).__name__, exc, "line", tb.tb_lineno)


def bad_add(a):
    x = 0
    return a + 1


def bad_compare(a, b):
    x = 0
    return a < b


def bad_subscr(seq, i):
    x = 0
    return seq[i]


def bad_attr(o):
    x = 0
    return o.nope


def bad_store(o):
    x = 0
    o.field = 1


def bad_method(o):
    x = 0
    return o.nomethod()


def bad_div(a, b):
    x = 0
    return a // b


for f, args in [
    (bad_add, ("s",)),
    (bad_compare, (1, "s")),
    (bad_subscr, ([1], 5)),
    (bad_subscr, ({}, "k")),
    (bad_attr, (1,)),
    (bad_store, (1,)),
    (bad_method, ([],)),
    (bad_div, (1, 0)),
]:
    try:
        f(*args)
    except Exception as e:
        show(e)


def unbound_attr(flag):
    if flag:
        o = P()
    return o.x


def unbound_sub(flag):
    if flag:
        s = [1]
    return s[0]


def unbound_cmp(flag):
    if flag:
        n = 1
    return n < 2


for f in (unbound_attr, unbound_sub, unbound_cmp):
    print(f.__name__, f(True))
    try:
        f(False)
    except UnboundLocalError as e:
        show(e)


class Slot:
    __slots__ = ("v",)


def counts():
    s = Slot()
    s.v = [1, 2]
    before = sys.getrefcount(s.v)
    t = s.v
    return before, sys.getrefcount(t), sys.getrefcount(s)


print(counts())


def loop(n):
    total = 0
    for i in range(n):
        total = total + i
        if i == n - 1:
            total = total * 2
    return total, i


print(loop(10))

sys.stdout.flush()
bad_compare(None, 1)
