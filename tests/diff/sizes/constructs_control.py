# Control-flow constructs, for the code-shape corpus (tests/codeshape): the
# program prints the size of each function's code object and co_stacksize.
import sys


def chained(a, b, c):
    if a < b < c:
        return 1
    if not (a == b or b == c) and c:
        return 2
    x = a < b <= c != a
    return x if a else (b if c else None)


def loop_else(xs):
    for x in xs:
        if x == 3:
            break
    else:
        return None
    while xs:
        xs = xs[1:]
        if len(xs) == 2:
            continue
    else:
        pass
    return x


def finally_flow(xs):
    for x in xs:
        try:
            if x:
                continue
            if x is None:
                break
        finally:
            print("f", x)
    try:
        return 1
    finally:
        print("end")


def nested_try(f):
    try:
        try:
            f()
        except KeyError:
            raise
        finally:
            f()
    except Exception as e:
        raise RuntimeError("x") from e
    else:
        return 3


def with_loop(cms):
    for cm in cms:
        with cm as v:
            if v:
                continue
            if v is None:
                break
            return v
    return None


def walrus(xs):
    if (n := len(xs)) > 2:
        return n
    return [y for x in xs if (y := x * 2)]


def asserts(x):
    assert x
    assert x > 0, "positive"
    del x
    return 0


def is_none(x, y):
    if x is None:
        return 1
    if y is not None:
        return 2
    while x is None:
        x = 1
    return x in (1, 2) or y not in [3, 4]


def globals_nonlocal():
    global G
    G = 1
    v = 0

    def inner():
        nonlocal v
        v += G
        return v

    return inner


def while_true(n):
    while True:
        n -= 1
        if n < 0:
            return n


def constant_branches():
    if 0:
        print("never")
    if 1:
        x = 1
    while 0:
        x = 2
    return x if True else 3


for f in (chained, loop_else, finally_flow, nested_try, with_loop, walrus, asserts, is_none,
          globals_nonlocal, while_true, constant_branches):
    c = f.__code__
    print(f.__name__, sys.getsizeof(c), c.co_stacksize)
