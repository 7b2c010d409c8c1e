"""Dict-heavy counting: word frequencies with get, setdefault grouping,
int-keyed histograms, tuple keys, dict comprehensions, merging and
iteration over items."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "qu"]


def make_words(n):
    words = []
    x = 7
    for _ in range(n):
        x = (x * 48271) % 2147483647
        k = 1 + x % 3
        w = ""
        y = x
        for _ in range(k):
            w += SYLLABLES[y % len(SYLLABLES)]
            y //= 11
        words.append(w)
    return words


def frequencies(words):
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return freq


def group_by_first(words):
    groups = {}
    for w in words:
        groups.setdefault(w[:2], []).append(w)
    return {k: len(v) for k, v in groups.items()}


def bigrams(words):
    counts = {}
    for a, b in zip(words, words[1:]):
        key = (a[0], b[0])
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
    return counts


def histogram(values):
    h = {}
    for v in values:
        h[v % 1000] = h.get(v % 1000, 0) + 1
    return h


def main():
    n = 5000 if QUICK else 300000
    words = make_words(n)
    freq = frequencies(words)
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("distinct", len(freq), "top", top)
    groups = group_by_first(words)
    print("groups", len(groups), sorted(groups.items())[:4])
    bg = bigrams(words)
    print("bigrams", len(bg), max(bg.items(), key=lambda kv: (kv[1], kv[0])))
    h = histogram(range(0, n * 7, 3))
    print("histogram", len(h), h[0], h[999])
    merged = dict(freq)
    merged.update({w: c * 2 for w, c in freq.items() if len(w) == 2})
    print("merged", sum(merged.values()))
    inverse = {}
    for w, c in freq.items():
        inverse.setdefault(c, set()).add(w)
    print("inverse", len(inverse), sorted(len(s) for s in inverse.values())[-3:])
    removed = 0
    for w in list(merged):
        if merged[w] < 20:
            del merged[w]
            removed += 1
    print("removed", removed, "left", len(merged))


main()
