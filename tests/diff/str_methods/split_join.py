print("a,b,,c".split(","))
print("  lots   of   space  ".split())
print("a b c d".split(" ", 2))
print("a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3\n".splitlines())
print("line1\nline2\n".splitlines(keepends=True))
print("".split(","), "".split())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "abc".partition("x"))
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(str(i) for i in range(3)))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
