# Handlers of nested Python calls (run inlined in one loop, their try
# blocks on one shared stack): each frame's handlers catch only what is
# raised in it or below it, never its caller's handlers firing early, and a
# return from inside try/with/finally leaves the caller's blocks intact.
import sys


def leaf(x):
    if x == 0:
        raise KeyError("leaf")
    return 10 // x


def middle(x):
    try:
        return leaf(x)
    finally:
        print("  middle finally", x)


def catches_value(x):
    try:
        return middle(x)
    except ValueError:
        return "value"


def top(x):
    try:
        r = catches_value(x)
        print("  top got", r)
        return r
    except KeyError as e:
        print("  top caught", repr(e))
        return "key"
    except ZeroDivisionError:
        return "zero"


for x in [5, 0]:
    print(top(x))


class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  enter", self.name)
        return self

    def __exit__(self, *exc):
        print("  exit", self.name, exc[0].__name__ if exc[0] else None)
        return self.name == "swallow"


def with_return(name, fail):
    with Ctx(name):
        if fail:
            raise RuntimeError(name)
        return name


def outer_with():
    results = []
    for name, fail in [("a", False), ("swallow", True), ("b", False)]:
        try:
            results.append(with_return(name, fail))
        except RuntimeError as e:
            results.append("err " + str(e))
    try:
        with_return("c", True)
    except RuntimeError as e:
        results.append("outer caught " + str(e))
    return results


print(outer_with())


def deep(n):
    try:
        if n == 0:
            raise IndexError("bottom")
        return deep(n - 1)
    except TypeError:
        return "wrong"
    finally:
        if n % 3 == 0:
            print("  deep finally", n)


try:
    deep(7)
except IndexError as e:
    print("caught at module", e)


def gen_user():
    def gen():
        try:
            yield 1
            yield 2
        finally:
            print("  gen finally")

    total = 0
    for v in gen():
        try:
            total += v
            if v == 2:
                raise ValueError("in loop")
        except ValueError:
            total += 100
    return total


print(gen_user())


def recurse(n):
    try:
        return recurse(n + 1)
    except RecursionError:
        return n


print(recurse(0) > 100, sys.getrecursionlimit())
