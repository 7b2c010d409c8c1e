# Long bodies: jump offsets and operands over 255 code units need
# EXTENDED_ARG prefixes, which count in the code object's size.
import sys


def long_loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i * 1 + i * 2 + i * 3 + i * 4 + i * 5 + i * 6 + i * 7 + i * 8
            total += i * 9 + i * 10 + i * 11 + i * 12 + i * 13 + i * 14 + i * 15
            total += i * 16 + i * 17 + i * 18 + i * 19 + i * 20 + i * 21 + i * 22
            total += i * 23 + i * 24 + i * 25 + i * 26 + i * 27 + i * 28 + i * 29
            total += i * 30 + i * 31 + i * 32 + i * 33 + i * 34 + i * 35 + i * 36
            total += i * 37 + i * 38 + i * 39 + i * 40 + i * 41 + i * 42 + i * 43
        else:
            total -= i
    return total


def many_constants():
    return [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
        49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
        "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b0", "b1", "b2", "b3", "b4",
        "b5", "b6", "b7", "b8", "b9", "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9",
        1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5, 16.5,
    ]


def many_names(o):
    return (o.a0, o.a1, o.a2, o.a3, o.a4, o.a5, o.a6, o.a7, o.a8, o.a9, o.b0, o.b1, o.b2,
            o.b3, o.b4, o.b5, o.b6, o.b7, o.b8, o.b9, o.c0, o.c1, o.c2, o.c3, o.c4, o.c5)


def long_while(n):
    while n > 0:
        n -= 1
        x = [n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9, n + 10]
        y = [n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9, n + 10]
        z = [n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9, n + 10]
        w = [n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9, n + 10]
        if x == y == z == w:
            continue
    return n


print(long_loop(5), len(many_constants()))
for f in (long_loop, many_constants, many_names, long_while):
    print(f.__name__, sys.getsizeof(f.__code__), f.__code__.co_stacksize)
