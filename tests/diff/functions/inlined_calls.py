# Python-to-Python calls: deep recursion, exceptions through many frames,
# frames seen from inside, locals released at return.
import sys


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


sys.setrecursionlimit(60000)
print("deep", depth(50000))
sys.setrecursionlimit(1000)


def runaway(n):
    return runaway(n + 1)


try:
    runaway(0)
except RecursionError as e:
    print("RecursionError", e)
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("traceback entries", n)


def fail(n):
    if n == 0:
        raise ValueError("bottom")
    return fail(n - 1)


def catch_midway():
    try:
        return fail(5)
    except ValueError as e:
        names = []
        tb = e.__traceback__
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        return names


print(catch_midway())


def chain():
    f = sys._getframe()
    out = []
    while f is not None:
        out.append(f.f_code.co_name)
        f = f.f_back
    return out


def outer():
    return middle()


def middle():
    return chain()


print(outer())


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_and_drop(name):
    x = Noisy(name)
    print("made", name)
    return 7


print("returned", make_and_drop("a"))


def f_raises_after_local():
    y = Noisy("b")
    raise KeyError("k")


try:
    f_raises_after_local()
except KeyError as e:
    print("caught", repr(e))
    del e
print("after except")


class C:
    def m(self, x):
        return self.k(x) * 2

    def k(self, x):
        return x + 1

    @classmethod
    def cm(cls, x):
        return cls.__name__, x


c = C()
print(c.m(3), C.cm(4), C.m(c, 5))
bound = c.m
print(bound(10))


def gen():
    for i in range(3):
        yield depth(i)


print(list(gen()))


def refs(x):
    return sys.getrefcount(x)


obj = object()
print("refcount in callee", refs(obj), sys.getrefcount(obj))


def unbound():
    print(z)
    z = 1


try:
    unbound()
except UnboundLocalError as e:
    print(e)
