# gcd, lcm (any number of arguments), factorial, isqrt, comb, perm: exact
# values for small and huge ints, __index__ arguments, CPython's errors.
import math
from mod_rng import Rng, show, rows

r = Rng(8)
out = []
for _ in range(80):
    a = r.bits(r.randint(1, 64)) * (10 ** r.randint(0, 30)) * r.randint(-1, 1)
    b = r.bits(r.randint(1, 64)) * (10 ** r.randint(0, 30)) * r.randint(-1, 1)
    c = r.randint(-100, 100)
    out += [show(math.gcd, a, b), show(math.lcm, a, b), show(math.gcd, a, b, c), show(math.lcm, a, c),
            show(math.isqrt, abs(a))]
rows("gcd", out, 5)
print(math.gcd(), math.lcm(), math.gcd(-12), math.lcm(-12), math.gcd(0, 0), math.lcm(0, 5), math.lcm(4, 6, 10))
print(math.gcd(2**64, 2**32 * 3, 2**40 * 9), math.lcm(2**64, 3**40), math.gcd(True, 4), math.gcd(-(2**100), 2**90))
print([math.comb(n, k) for n in range(8) for k in range(n + 2)])
print([math.perm(n, k) for n in range(6) for k in range(n + 2)], [math.perm(n) for n in range(8)])
print(math.comb(300, 150), math.perm(40, 20), math.comb(10**20 + 3, 7), math.perm(10**20 + 3, 5))
print(math.comb(2**64 + 1, 2**64 - 1), math.comb(2**64, 2**64), math.comb(2**64, 2**64 + 1), math.comb(10, 0))
print(math.factorial(0), math.factorial(1), math.factorial(20), math.factorial(21), math.factorial(True))
print(len(str(math.factorial(1000))), math.factorial(1000) % (10**9 + 7), math.factorial(100))
print(math.isqrt(0), math.isqrt(1), math.isqrt(2**64), math.isqrt(2**64 - 1), math.isqrt(10**100 - 1), math.isqrt(True))


class Seven:
    def __index__(self):
        return 7


print(math.gcd(Seven(), 21), math.lcm(Seven(), 3), math.factorial(Seven()), math.isqrt(Seven()), math.comb(Seven(), 2),
      math.perm(Seven(), Seven()))
for f, args in [(math.gcd, (1.5,)), (math.gcd, (4, 2.0)), (math.lcm, ("a", 2)), (math.factorial, (-1,)),
                (math.factorial, (5.0,)), (math.factorial, (2**70,)), (math.factorial, (-(2**70),)), (math.isqrt, (-1,)),
                (math.isqrt, (2.5,)), (math.comb, (-1, 2)), (math.comb, (3, -2)), (math.comb, (2**70, 2**69)),
                (math.comb, (5, None)), (math.comb, (1.0, 1)), (math.perm, (-1, 2)), (math.perm, (3, -1)),
                (math.perm, (2**70, 2**66)), (math.perm, (5, None)), (math.perm, (5.0,)), (math.comb, (10**30, 10**30 - 2))]:
    r = show(f, *args)
    print(f.__name__, r if len(r) < 200 else len(r))
