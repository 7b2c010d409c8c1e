# Which results are the argument object itself, as in CPython: an int's
# floor/ceil/trunc, gcd/lcm of one int, comb/perm with k == 1, gcd with a
# zero or a multiple (Lehmer's loop hands the operand back), prod of
# nothing; and which are new objects.
import math
import sys
from mod_rng import Rng

big = int("1" + "0" * 30)
mid = int("1000")
neg = -int("9" * 25)
print(math.floor(big) is big, math.ceil(big) is big, math.trunc(big) is big, math.floor(mid) is mid)
print(math.gcd(big) is big, math.gcd(neg) is neg, math.gcd(neg) == -neg, math.lcm(big) is big, math.lcm(mid) is mid)
print(math.gcd(big, 0) is big, math.gcd(0, big) is big, math.gcd(big, big) is big, math.gcd(mid, 0) is mid)
x = 2**61
y = 2**59
print(math.gcd(x, 0) is x, math.gcd(0, 0, x) is x, math.gcd(y, 0) is y, math.gcd(x * 3, x) is x)
print(math.lcm(big, 1) is big, math.lcm(mid, 1) is mid, math.lcm(0, big) == 0)
print(math.comb(mid, 1) is mid, math.comb(mid, 999) is mid, math.perm(mid, 1) is mid, math.comb(big, big - 1) is big)
print(math.perm(big, 1) is big, math.comb(mid, 0), math.perm(mid, 0), math.comb(mid, 2) is mid)
s = []
print(math.prod([], start=s) is s, math.prod([], start=big) is big, math.prod([], start=mid) is mid)
print(math.prod([mid]) is mid, math.prod([big]) is big, math.prod([s]) is s, math.prod([s], start=True) is s)


class I(int):
    pass


i = I(2**70)
print(math.gcd(i) is i, type(math.gcd(i)).__name__, math.comb(i, 1) is i, type(math.comb(i, 1)).__name__)
print(math.floor(i) is i, type(math.floor(i)).__name__, type(math.trunc(I(5))).__name__)
print(math.floor(True), type(math.ceil(True)).__name__, math.gcd(True) is True, math.lcm(False))
before = sys.getrefcount(big)
results = [math.floor(big), math.gcd(big), math.comb(big, 1), math.prod([], start=big)]
print(sys.getrefcount(big) - before)
del results
print(sys.getrefcount(big) - before)
r = Rng(17)
flags = []
for _ in range(400):
    kind = r.randint(0, 5)
    b = r.bits(r.randint(1, 64)) * 2 ** r.randint(0, 200) + r.bits(20)
    if kind == 0:
        a = b * r.bits(r.randint(1, 64))
    elif kind == 1:
        a = b
    elif kind == 2:
        a = b * 2 ** r.randint(0, 100) + r.bits(5)
    elif kind == 3:
        a = 0
    elif kind == 4:
        a = b + r.bits(10)
    else:
        a = r.bits(62)
    if r.bits(1):
        a, b = b, a
    if r.randint(0, 5) == 0:
        a = -a
    g = math.gcd(a, b)
    g3 = math.gcd(a, b, a)
    flags.append("%d%d%d%d" % (g is a, g is b, g3 is a, g3 is b))
for k in range(0, len(flags), 20):
    print(" ".join(flags[k:k + 20]))
