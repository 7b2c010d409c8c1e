# dict.fromkeys presizes for an exact dict or set source (str-keys table
# when the source dict has one), as CPython 3.11 does.
import sys
for n in (0, 1, 5, 6, 10, 11, 21, 22, 43, 44, 100, 1000):
    d = {i: i for i in range(n)}
    s = set(range(n))
    fs = frozenset(range(n))
    l = list(range(n))
    print(n, sys.getsizeof(dict.fromkeys(d)), sys.getsizeof(dict.fromkeys(s)), sys.getsizeof(dict.fromkeys(fs)), sys.getsizeof(dict.fromkeys(l)), sys.getsizeof(dict.fromkeys(d, 0)))
