# Compact strs by kind: ASCII 49+n, Latin-1 73+n, UCS-2 74+2n, UCS-4 76+4n.
import sys
g = sys.getsizeof
for n in (0, 1, 2, 7, 8, 100):
    print(n, g("a" * n), g("\xe9" * n), g("\u0394" * n), g("\u20ac" * n), g("\U0001f600" * n))
print(g("hello"), g("h\xe9llo"), g("h\u20acllo"), g("h\U0001f600llo"), g("a" + "\U0001f600"))
print(g(str(12345)), g(repr("x")), g("abc".upper()), g("a,b".split(",")[0]), g(chr(65)), g(chr(300)))
class S(str):
    pass
print(g(S()), g(S("abc")), g(S("\xe9t\xe9")), g(S("\u20ac")))
