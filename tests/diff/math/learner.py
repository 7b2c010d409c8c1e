# A learner's uses of math: star import, f-strings, keys, comprehensions.
from math import *
print(sqrt(16), pi, floor(-2.5), ceil(2.1), factorial(10), gcd(12, 18), isclose(0.1 + 0.2, 0.3))
import math
r = 5
print(f"area = {math.pi * r ** 2:.3f}", round(math.e, 4), math.degrees(math.atan2(1, 1)))
print([math.floor(x / 2) for x in range(-3, 4)], sum(map(math.sqrt, range(10))))
print(sorted([3.2, -1.5, 2.7], key=math.fabs), max(range(10), key=lambda x: math.sin(x)))
print(math.hypot(*[3, 4]), math.prod(range(1, 6)), math.comb(5, 2), math.perm(5, 2))
def dist(p, q):
    return math.sqrt(sum((a - b) ** 2 for a, b in zip(p, q)))
print(dist((0, 0), (3, 4)) == math.dist((0, 0), (3, 4)))
print(inf > 1e308, isnan(nan), isinf(-inf), tau / 2 == pi, e ** 1 == math.exp(1))
try:
    math.sqrt(-1)
except ValueError as err:
    print("error:", err)
print(math.log(1024, 2), math.log10(1000), math.log2(1024), int(math.log(8, 2)))
