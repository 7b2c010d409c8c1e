# Frame and generator sizes: a header plus one slot for each local, cell,
# free variable and value-stack entry (co_stacksize) of the code.
import sys


def frame_size():
    return sys.getsizeof(sys._getframe(1))


def no_locals():
    return frame_size()


def some_locals(a, b, c):
    x = a + b
    y = [x, c]
    return frame_size()


def deep_stack(a):
    return frame_size(), [a, [a, [a, [a, (a, a, {a: a})]]]]


def with_cell(a):
    def inner():
        return a
    return frame_size()


def nested():
    v = 1
    def inner():
        return v, frame_size()
    return inner()[1]


def in_handler():
    try:
        raise ValueError
    except ValueError as e:
        return frame_size()


def in_loop(xs):
    for x in xs:
        for y in xs:
            return frame_size()


def own_frame():
    f = sys._getframe()
    return sys.getsizeof(f), f.__sizeof__()


def gen(n):
    for i in range(n):
        yield i


def gen2(a, b):
    c = a + b
    yield from [a, b, c]


print(no_locals(), some_locals(1, 2, 3), deep_stack(1)[0], with_cell(1), nested())
print(in_handler(), in_loop([1]), own_frame())
g = gen(3)
print(sys.getsizeof(g), g.__sizeof__())
next(g)
print(sys.getsizeof(g), sys.getsizeof(g.gi_frame))
h = gen2(1, 2)
print(sys.getsizeof(h), sys.getsizeof((x for x in "ab")))
print(sys.getsizeof(sys._getframe()))
