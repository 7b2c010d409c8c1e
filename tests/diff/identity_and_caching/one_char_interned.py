# One-character strings (see one_char_strings.py): indexing, iterating and chr() give cached
# characters; a one-character name or constant is that cached object too,
# except for the 29 characters CPython 3.11 has interned as objects of
# their own by the time a program starts.
import sys
s = "abc"
k = s[2]
print(k is s[2], k is "c", chr(99) is k, chr(99) is "c")
print(sys.intern("c") is "c", sys.intern(k) is k, sys.intern(k) is "c")
for ch in "xyc":
    pass
print(ch is k, ch is "c")
t = "c"
print(t is "c", "".join(["c"]) is k, str(k) is k, k[0] is k)
d = {"c": 1}
print(list(d)[0] is "c", list(d)[0] is k)
print("ab"[1] is "b", "é" is "é"[0], s[-1:] is k, s[2:3] is k)

pre = [c for c in range(256) if sys.intern(chr(c)) is not chr(c)]
print(len(pre), [chr(c) for c in pre])
