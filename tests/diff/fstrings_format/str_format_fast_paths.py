# str(x), `str % args` and f-string/format() of exact ints, floats and strs
# take shortcuts; their results, identities, counts and errors must stay
# CPython's, and subclasses must still reach their own methods.
import sys

for v in [0, 7, -7, 10, 255, 256, -1, 2**31, -2**63, 2**63, 10**30, -10**30]:
    s = str(v)
    print(repr(s), type(s).__name__, s == repr(v), len(s))
print("str(7) is str(7):", str(7) is str(7))
print("str('ab') is its argument:", (lambda a: str(a) is a)("ab"))
print("str(True), str(False):", str(True), str(False))


class MyInt(int):
    def __str__(self):
        return "MyInt!"

    def __format__(self, spec):
        return "fmt[" + spec + "]"


class MyStr(str):
    def __str__(self):
        return "MyStr!"

    def __rmod__(self, other):
        return "rmod(" + other + ")"

    def __format__(self, spec):
        return "sfmt[" + spec + "]"


print(str(MyInt(5)), str(MyStr("x")), f"{MyInt(5):>4}", f"{MyStr('y'):^3}", format(MyInt(1), "d"))
print("%s and %d" % (MyInt(5), MyInt(6)))
print("%s|" % MyStr("q"))
print("a%sb" % "z", "%s" % "only", "%d%%" % 50)
print("%d %i %u" % (True, False, -3), "%s" % True, "%s %s" % (1.5, None))
print("%d" % 10**25, "%d" % -10**25, "%s" % 10**25)
print("%5d|%-5d|%05d|%+d|% d|%x|%#o" % (42, 42, 42, 42, 42, 255, 8))
print("%.3s|%5s|%-5s|" % ("abcdef", "ab", "ab"))
print("%(a)s-%(b)d" % {"a": "A", "b": 2})
print("%s" % (("tuple", "inside"),), "%r" % "q", "%a" % "é")
for bad in [lambda: "%d" % "x", lambda: "%s %s" % ("a",), lambda: "%s" % ("a", "b"), lambda: "%z" % 1, lambda: "%d" % 1.5j]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(f"{7:06d} {-7:06d} {255:x} {255:#b} {1234567:,} {3:>5}|{3:<5}|{3:^5}|")
print(f"{1.5:.3f} {2.0:e} {1e20:g} {0.1:%} {'ab':>4} {'ab':*<5} {'':3}|")
print(format(7, ""), format(7.5, ""), format("s", ""), format(True, ""), format(True, "d"), format(False, ">6"))
for bad in [lambda: format(7, "q"), lambda: format(1.5, "d"), lambda: format("x", "d"), lambda: format(7, 5), lambda: f"{7:,s}"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# Counts: the shortcuts hold no extra references.
big = 10**30
before = sys.getrefcount(big)
s = "%d %s" % (big, big)
t = f"{big:d} {big}"
u = str(big)
print("count of the formatted int unchanged:", sys.getrefcount(big) - before)
word = "w" * 3
before = sys.getrefcount(word)
s2 = "%s!" % word
s3 = str(word)
print("str(word) is word:", s3 is word, "count +1 from s3:", sys.getrefcount(word) - before)
