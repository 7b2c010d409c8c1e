# CPython 3.11 compiles "..." % (a, b) with only %s/%r/%a into an f-string:
# no tuple is built, the constants differ, a failing str() is located at
# its argument, and the result is what % would give.
import sys


class Loud:
    def __str__(self):
        return "loud-str"

    def __repr__(self):
        return "loud-repr"

    def __format__(self, spec):
        return "FORMAT(" + spec + ")"


class Bad:
    def __str__(self):
        raise ValueError("no str")


def consts(f):
    return [c for c in f.__code__.co_consts if c is not None]


def plain(a, b):
    return "a=%s b=%r" % (a, b)


def widths(a):
    return "[%5s|%-5s|%.2s|%5.1r|%-.3a|%05s|% s|%+s|%#s|%.s]" % (a, a, a, a, a, a, a, a, a, a)


def percents(a):
    return "%%s %s %%" % (a,)


def kept_width(a):
    return "%100s" % (a,)


def kept_prec(a):
    return "%5.005s" % (a,)


def kept_int(a):
    return "%d" % (a,)


def kept_count(a, b):
    return "%s" % (a, b)


def kept_const():
    return "%s-%s" % (1, 2)


def kept_star(a):
    return "%s %s" % (*a,)


def folded_left(a):
    return ("%" + "s!") % (a,)


for f in (plain, widths, percents, kept_width, kept_prec, kept_int, kept_count, kept_const, kept_star, folded_left):
    print(f.__name__, consts(f))

print(plain(Loud(), Loud()))
print(plain("x", "y"))
print(widths("abcdef"))
print(widths(Loud()))
print(percents(3))
print(repr(kept_width("z"))[-4:], len(kept_width("z")))
print(kept_int(42))
try:
    kept_count(1, 2)
except TypeError as e:
    print("TypeError", e)
print(kept_const())
print(kept_star((1, 2)))
print(folded_left("yes"))
print("%s" % ("ünï",), "%a" % ("ünï",) if len(sys.argv) < 0 else "%a" % ("ünï" + "",))
u = "ünï"
print("%a|%r|%s" % (u, u, u))

try:
    print("value: %s and %r" % (Bad(), 1))
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("ValueError", e, tb.tb_frame.f_code.co_name)


def show_error():
    b = Bad()
    return "x%sy" % (b,)


show_error()
