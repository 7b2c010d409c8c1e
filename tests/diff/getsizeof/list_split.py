# str.split preallocates twelve slots; splitlines appends.
import sys
g = sys.getsizeof
print(g("a b".split()), g("".split()), g("a,b".split(",")), g("a b c d e f g h i j k l m n".split()))
print(g("a b c".split(maxsplit=1)), g("a b c".rsplit(None, 1)), g("x".split("x")), g(" ".join(["w"] * 30).split()))
print(g("a\nb".splitlines()), g("a\nb\nc\nd\ne".splitlines()), g("".splitlines()))
print(g(b"a b".split()), g(b"1 2 3 4 5 6 7 8 9 10 11 12 13".split()), g(b"a\nb".splitlines()))
