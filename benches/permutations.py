"""Integer and list work: permutations generated in place (Heap's
algorithm), a pancake-flipping count over every permutation, and
permutation ranks computed with integer arithmetic."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


def heap_permutations(items):
    """Yield every ordering of items (the same list, changed in place)."""
    a = list(items)
    n = len(a)
    c = [0] * n
    yield a
    i = 0
    while i < n:
        if c[i] < i:
            if i % 2 == 0:
                a[0], a[i] = a[i], a[0]
            else:
                a[c[i]], a[i] = a[i], a[c[i]]
            yield a
            c[i] += 1
            i = 0
        else:
            c[i] = 0
            i += 1


def flips(perm):
    """Reverse the prefix ending at the first element until it is 0."""
    p = perm[:]
    count = 0
    first = p[0]
    while first:
        p[:first + 1] = p[first::-1]
        count += 1
        first = p[0]
    return count


def rank(perm):
    """Lexicographic rank of a permutation of 0..n-1."""
    n = len(perm)
    r = 0
    remaining = list(range(n))
    fact = 1
    for k in range(2, n):
        fact *= k
    for i, v in enumerate(perm):
        pos = remaining.index(v)
        r += pos * fact
        remaining.pop(pos)
        if n - 1 - i > 0:
            fact //= (n - 1 - i)
    return r


def main():
    n = 6 if QUICK else 9
    max_flips = 0
    total_flips = 0
    checksum = 0
    count = 0
    for p in heap_permutations(range(n)):
        f = flips(p)
        total_flips += f
        if f > max_flips:
            max_flips = f
        if count % 7 == 0:
            checksum = (checksum * 31 + rank(p)) % 1000000007
        count += 1
    print("permutations", count)
    print("max flips", max_flips, "total flips", total_flips)
    print("rank checksum", checksum)


main()
