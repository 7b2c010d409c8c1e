"""Integer and list work: a sieve of Eratosthenes, prime gaps, twin
primes, and a segmented count of primes with integer arithmetic."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return [i for i in range(limit + 1) if flags[i]]


def gaps(primes):
    largest = 0
    where = 0
    counts = {}
    for a, b in zip(primes, primes[1:]):
        g = b - a
        counts[g] = counts.get(g, 0) + 1
        if g > largest:
            largest = g
            where = a
    return largest, where, counts


def is_prime(n, small):
    for p in small:
        if p * p > n:
            return True
        if n % p == 0:
            return False
    return True


def count_range(lo, hi, small):
    return sum(1 for n in range(lo | 1, hi, 2) if is_prime(n, small))


def main():
    limit = 20000 if QUICK else 3000000
    primes = sieve(limit)
    print("primes below", limit, len(primes), "last", primes[-1])
    largest, where, counts = gaps(primes)
    print("largest gap", largest, "after", where)
    print("gap 2:", counts[2], "gap 6:", counts[6])
    print("sum mod", sum(primes) % 1000003)
    small = primes[:200]
    lo = limit * 10
    print("primes in window", count_range(lo, lo + (2000 if QUICK else 100000), small))


main()
