# Pairs of local loads and stores run as one step; an unbound local in
# either half must still raise where CPython raises it.
import sys


def second_unbound(flag):
    a = 1
    if flag:
        b = 2
    return a + b


def first_unbound(flag):
    if flag:
        a = 1
    b = 2
    return a + b


def store_then_load(flag):
    if flag:
        c = 3
    x = 5; y = x + c
    return y


def load_const(flag):
    if flag:
        d = 4
    return d + 10


for f in (second_unbound, first_unbound, store_then_load, load_const):
    print(f.__name__, f(True))
    try:
        f(False)
    except UnboundLocalError as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        print(" ", e, "at line", tb.tb_lineno)


def loop(n):
    total = 0
    i = 0
    while i < n:
        total = total + i * 2
        i = i + 1
    return total, i


print(loop(10))

sys.stdout.flush()
first_unbound(False)  # the uncaught error's traceback shows its carets
