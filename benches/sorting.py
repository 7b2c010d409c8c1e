"""Integer and list work: merge sort, quicksort and insertion sort written
in Python over pseudo-random ints, checked against list.sort and sorted
with keys."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


def lcg(seed, n):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x % 100000)
    return out


def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def quicksort(a, lo, hi):
    while lo < hi:
        pivot = a[(lo + hi) // 2]
        i, j = lo, hi
        while i <= j:
            while a[i] < pivot:
                i += 1
            while a[j] > pivot:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if j - lo < hi - i:
            quicksort(a, lo, j)
            lo = i
        else:
            quicksort(a, i, hi)
            hi = j


def insertion_sort(a):
    for k in range(1, len(a)):
        v = a[k]
        i = k - 1
        while i >= 0 and a[i] > v:
            a[i + 1] = a[i]
            i -= 1
        a[i + 1] = v
    return a


def main():
    n = 3000 if QUICK else 60000
    data = lcg(42, n)
    expect = sorted(data)
    m = merge_sort(data)
    q = data[:]
    quicksort(q, 0, len(q) - 1)
    ins = insertion_sort(data[: n // 30])
    print("merge ok", m == expect, "quick ok", q == expect,
          "insertion ok", ins == sorted(data[: n // 30]))
    pairs = [(v % 97, -v, str(v)) for v in data]
    pairs.sort()
    by_key = sorted(data, key=lambda v: (v % 13, v))
    print("first pairs", pairs[:3])
    print("by key", by_key[:5], by_key[-3:])
    print("median", expect[n // 2], "checksum", sum(i * v for i, v in enumerate(expect)) % 1000003)


main()
