"""Integer arithmetic beyond machine words: digits of pi from a spigot
over big ints, factorials and binomials, modular exponentiation, gcd and
Collatz lengths over small ints."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


def pi_digits(count):
    """Gibbons' unbounded spigot (a published algorithm)."""
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return "".join(map(str, out))


def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f


def binomial(n, k):
    return factorial(n) // (factorial(k) * factorial(n - k))


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def collatz_longest(limit):
    best, best_n = 0, 0
    for start in range(1, limit):
        n, steps = start, 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > best:
            best, best_n = steps, start
    return best_n, best


def main():
    digits = pi_digits(150 if QUICK else 1200)
    print("pi", digits[:20], "...", digits[-10:])
    f = factorial(300 if QUICK else 1400)
    print("factorial digits", len(str(f)), "sum", sum(map(int, str(f))))
    print("binomial", binomial(200, 100) % 1000000007)
    print("pow", pow(3, 10 ** 6 + 3, 10 ** 40 + 7), pow(7, 12345, 2 ** 127 - 1) % 10 ** 12)
    print("gcd", sum(gcd(a * 7919, b * 104729) for a in range(1, 120) for b in range(1, 120)))
    print("collatz", collatz_longest(3000 if QUICK else 60000))


main()
