# Reference counts of an argument inside the special methods math calls
# (__float__, __index__, __iter__, __mul__, __ceil__ ...), as CPython's.
import math, sys
class N:
    def __float__(self):
        print('float', sys.getrefcount(self)); return 2.0
    def __index__(self):
        print('index', sys.getrefcount(self)); return 3
    def __ceil__(self):
        print('ceil', sys.getrefcount(self)); return 1
    def __floor__(self):
        print('floor', sys.getrefcount(self)); return 1
    def __trunc__(self):
        print('trunc', sys.getrefcount(self)); return 1
    def __iter__(self):
        print('iter', sys.getrefcount(self)); return iter([1.0, 2.0])
    def __mul__(self, o):
        print('mul', sys.getrefcount(self)); return self
    __rmul__ = __mul__
class I:
    def __index__(self):
        print('index only', sys.getrefcount(self)); return 3
n = N()
math.sqrt(n); math.ceil(n); math.floor(n); math.trunc(n); math.gcd(n); math.gcd(4, n); math.factorial(n)
math.fsum(n); math.hypot(n, n); math.dist(n, n); math.isqrt(n); math.comb(n, 1); math.log(n); math.log2(n)
math.prod([n]); math.prod([2, n]); math.prod([n], start=n); math.ldexp(n, 2); math.isclose(n, n, rel_tol=n)
i = I()
math.sqrt(i); math.lcm(i, i); math.perm(i)
print(sys.getrefcount(n), sys.getrefcount(i))
