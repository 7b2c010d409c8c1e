print(int("7"), int(7.9), float("2.5"), float(3), str(42), bool(""), bool("x"))
print(list("ab"), tuple([1, 2]), set([1, 1]), frozenset((2,)), dict(a=1))
print(bool(0), bool(0.0), bool([]), bool({}), bool(()), bool(None), bool(set()), bool(range(0)))
print(bool(1), bool(-1), bool([0]), bool(" "), bool(0.1))
print(list(), dict(), tuple(), set(), str(), int(), float(), bool())
print(list({"k1": 1, "k2": 2}.items()), dict([(1, 2), (3, 4)]))
print(chr(97), ord("a"), hex(255), oct(8), bin(5), hex(-1), bin(0))
print(int("0x1f", 16), int("1f", 16), float("-inf"), str(-0))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
