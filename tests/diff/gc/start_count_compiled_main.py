# The generation-0 count a program sees first depends on what compiling its
# own main module allocated: constant tuples, the tuples of names of each
# code object, and the compiler's temporary objects (through CPython's free
# lists). This program's body has functions and tuple constants after the
# first print.
import gc
print(gc.get_count()[0])


def f0(a, b):
    return a + b


def f1(a):
    return (a, 1)


def f2():
    return [1, 2, 3]


t0 = (0, "a")
t1 = (1, "b")
t2 = (2, "c", None)
t3 = ((1, 2), (3, 4))
print(f0(1, 2), f1(0), f2(), t0, t1, t2, t3)
