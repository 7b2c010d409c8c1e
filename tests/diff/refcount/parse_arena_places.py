# More places a program's literals sit: each literal's object, and each
# constant the parser's folder makes, is held once more while the program
# runs (CPython's parse arena); the compiler's own constants are not.
import sys

rc = sys.getrefcount


class K:
    label = "class body text"
    limit = 10_000

    def m(self, x=2.25):
        return x


print("class attrs", rc(K.label), rc(K.limit), rc(K().m()))
f = lambda q=12345: q
print("lambda default", rc(f()))
print("lambda defaults tuple", rc(f.__defaults__))


def nested():
    return ((1000, 2000), (3000, "x y"))


t = nested()
print("nested tuple", rc(t), rc(t[0]), rc(t[1][0]))
print("subscript fold", rc("abcdef"[2:]), rc((5001, 5002)[1]))
for item in [6001, 6002]:
    pass
print("for over a list", rc(item))
s = {v for v in {6101, 6102}}
print("comprehension over a set", sorted(rc(v) for v in s))
print("in a list", 6201 in [6201, 6202], rc(6201))


def zq_named():
    pass


lit = "zq_named"
print("name-like and a name", lit is zq_named.__name__)
u1 = "unique_literal_one"
print("name-like, unique", rc(u1))
fs = f"text {u1} and {t[0]!r:>20} end"
print("f-string", rc(fs))


def fparts():
    return f"head {u1} tail"


print("f-string parts", fparts())
b = b"\x00\x01 bytes"
print("bytes", rc(b))
cx = 1 + 2j
print("complex fold", rc(cx))
print("float", rc(0.5), rc(1e300))
big = 123456789012345678901234567890
print("big int", rc(big))
neg = -(2 ** 40)
print("negative fold", rc(neg))
mixed = (1, "two", 3.0, None, (4, 5))
print("mixed tuple", rc(mixed), rc(mixed[1]), rc(mixed[2]), rc(mixed[4]))
print("docstring", rc(__doc__) if __doc__ else None)


def d():
    "the docstring of d"


print("function docstring", rc(d.__doc__))
