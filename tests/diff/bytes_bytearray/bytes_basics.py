b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(5)))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc")
print(b"a,b".split(b","), b"-".join([b"x", b"y"]), b"  x ".strip())
print(b"Hello".upper(), b"Hello".lower(), b"hello".replace(b"l", b"L"))
print(b"abc".hex(), bytes.fromhex("de ad be ef"), b"abc".find(b"c"), b"abcb".count(b"b"))
print(repr(b"'"), repr(b'"'), repr(b"\t\n\r\\"), b"\x7f\x80")
print(b"abc" == b"abc", b"abc" < b"abd", b"abc" == "abc")
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
