# bytes/bytearray methods shared with str, in both types.
def show(f):
    try:
        print(repr(f()))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

for B in (bytes, bytearray):
    b = B(b"  Hello, World  ")
    print(b.strip(), b.lstrip(), b.rstrip(b" d"), b.split(b","), b.rsplit(None, 1))
    print(b.lower(), b.upper(), b.swapcase(), b.title(), B(b"abc def").capitalize())
    print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"W"), b.count(b"l"))
    print(b.startswith(b"  H"), b.endswith((b"x", b"  ")), b.replace(b"l", b"L", 2))
    print(B(b"ab").center(6, b"*"), B(b"ab").ljust(4), B(b"ab").rjust(4, b"0"), B(b"-7").zfill(4))
    print(B(b"a\tb").expandtabs(4), B(b"a\nb\r\nc").splitlines(), B(b"a\nb").splitlines(True))
    print(B(b"a=b=c").partition(b"="), B(b"a=b=c").rpartition(b"="), B(b"abc").removeprefix(b"a"))
    print(B(b"ab12").isalnum(), B(b"ab").isalpha(), B(b"12").isdigit(), B(b" ").isspace(),
          B(b"Ab Cd").istitle(), B(b"ab").islower(), B(b"AB").isupper(), B(b"\x80").isascii())
    print(B(b"\x01\xab").hex(), B(b"\x01\x02\x03").hex(":", 2), B.fromhex("01 ab"))
    print(B(b",").join([b"a", bytearray(b"b")]), B(b"abc").translate(None, b"b"))
    show(lambda: b.find("o"))
    show(lambda: b.split(""))
    show(lambda: b.center(20, b"ab"))
    show(lambda: b.join([b"a", 1]))
    show(lambda: b.startswith("x"))
    show(lambda: b.index(b"zz"))
    show(lambda: B.fromhex("0g"))
    show(lambda: b.upper(1))
print(bytes.maketrans(b"ab", b"xy")[97:99], b"aabb".translate(bytes.maketrans(b"ab", b"ba")))
show(lambda: bytes.maketrans(b"a", b"bc"))
print(b"%s|%5b|%-3d|%x|%c|%c|%r|%a" % (b"x", b"ab", 7, 255, 65, b"z", "q", "é"))
show(lambda: b"%s" % "text")
show(lambda: b"%c" % 256)
show(lambda: b"%d %d" % (1,))
show(lambda: b"abc" % 1)
print(bytearray(b"%s!") % b"ok", b"%(k)s" % {b"k": b"v"})
