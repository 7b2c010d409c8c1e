# The loop's specialised calls of len, isinstance and list.append (CPython
# 3.11's PRECALL_NO_KW_LEN / _ISINSTANCE / _LIST_APPEND) give what the
# general call gives: results, errors and reference counts, for the exact
# builtin types and for everything that must take the general way.
import sys


def hot(f, *args):
    # Run each case enough times for any per-site state to settle.
    r = None
    for _ in range(3):
        r = f(*args)
    return r


def lens(x):
    return len(x)


for x in ["", "abc", "h\u00e9llo", [1, 2], (1,), {1: 2}, {1, 2, 3}, b"xy", bytearray(b"abc"), range(3, 20, 4), {}.keys(), frozenset([1])]:
    print(type(x).__name__, hot(lens, x))


class L(list):
    def __len__(self):
        return 42


class S(str):
    pass


print("list subclass with __len__", hot(lens, L([1, 2])))
print("str subclass", hot(lens, S("abcd")))
for bad in [3, None, iter([1])]:
    try:
        hot(lens, bad)
    except TypeError as e:
        print("TypeError", e)


class BadLen:
    def __len__(self):
        return -1


try:
    hot(lens, BadLen())
except ValueError as e:
    print("ValueError", e)

big = [None] * 1000
print("len of a long list", hot(lens, big), len(big) is len(big))
print("len of a short list is the cached int", len([1, 2, 3]) is 3)


def is_list(x):
    return isinstance(x, list)


def is_cls(x, c):
    return isinstance(x, c)


print(hot(is_list, []), hot(is_list, L()), hot(is_list, ()), hot(is_list, None))
print(hot(is_cls, 1, int), hot(is_cls, True, int), hot(is_cls, 1, (str, int)), hot(is_cls, "a", (list, tuple)))


class Meta(type):
    def __instancecheck__(cls, inst):
        print("  __instancecheck__", cls.__name__, type(inst).__name__)
        return inst == 7


class M(metaclass=Meta):
    pass


print("metaclass check", hot(is_cls, 7, M), hot(is_cls, 8, M))
print("exact instance of M", hot(is_cls, M(), M))


class Fake:
    __class__ = list


print("__class__ says list", hot(is_cls, Fake(), list))
try:
    hot(is_cls, 1, 2)
except TypeError as e:
    print("TypeError", e)


def appends(lst, n):
    for i in range(n):
        lst.append(i * 1000)
    return lst


a = hot(appends, [], 5)
print(a, sys.getsizeof(a))
sizes = []
b = []
for i in range(20):
    b.append(i)
    sizes.append(sys.getsizeof(b))
print(sizes)


class AL(list):
    def append(self, x):
        print("  AL.append", x)
        super().append(x * 2)


print(hot(appends, AL(), 2))


class PlainSub(list):
    pass


print(hot(appends, PlainSub(), 3))

# list.append called through the type, bound, or with the wrong arguments
c = []
list.append(c, "via type")
ap = c.append
ap("bound")
print(c)
for call in [lambda: ap(1, 2), lambda: list.append(c), lambda: list.append((), 1), lambda: c.append(), lambda: c.append(1, 2), lambda: c.append(x=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
d = []
try:
    ap(d, 5)
except TypeError as e:
    print("TypeError", e, d)

# The appended object gains exactly one reference, the None result none.
o = object()
before = sys.getrefcount(o)
lst = []
for _ in range(4):
    lst.append(o)
print("refs gained", sys.getrefcount(o) - before)
n_before = sys.getrefcount(None)
r = lst.append(o)
print("None refs", sys.getrefcount(None) - n_before, r)


# Rebinding len or isinstance is seen at once.
def uses_len(x):
    return len(x)


print(hot(uses_len, [1, 2]))
len = lambda x: "mine"
print(uses_len([1, 2]))
del len
print(uses_len([1, 2]))


# issubclass through a metaclass's __subclasscheck__, and a metaclass that
# overrides neither check.
class SubMeta(type):
    def __subclasscheck__(cls, sub):
        print("  __subclasscheck__", cls.__name__, sub.__name__)
        return sub is int


class SM(metaclass=SubMeta):
    pass


class Quiet(metaclass=type("QuietMeta", (type,), {})):
    pass


print(issubclass(int, SM), issubclass(str, SM), issubclass(SM, SM))
print(isinstance(Quiet(), Quiet), isinstance(1, Quiet), issubclass(Quiet, Quiet), issubclass(int, Quiet))
print(isinstance(Fake(), Quiet), isinstance(7, (str, M)))


# A bound Python method called through a name: `self` and the arguments go
# straight into the callee's locals; counts seen inside match CPython's.
class Box:
    def put(self, x):
        return sys.getrefcount(self), sys.getrefcount(x)

    def two(self, x, y=5):
        return x + y


box = Box()
item = object()
put = box.put
print("bound call counts", hot(put, item), box.put(item))
two = box.two
print(hot(two, 1), two(1, 2), two(x=3))
for bad in [lambda: put(), lambda: put(1, 2), lambda: two()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
