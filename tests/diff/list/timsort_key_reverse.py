# key= is called once per item, in order; reverse=True reverses, sorts
# stably and reverses back, which shows in the comparisons made.

log = []
calls = []


class K:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        log.append((self.i, other.i))
        return self.v < other.v

    def __repr__(self):
        return "K(%r,%r)" % (self.v, self.i)


seed = 99


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


def checksum(pairs):
    h = 0
    for a, b in pairs:
        h = ((h * 1000003) ^ (a * 4096 + b)) & 0xFFFFFFFFFFFF
    return h


def keyf(x):
    calls.append(x)
    return K(x // 3, x)


for n in [0, 1, 2, 5, 40, 64, 65, 300, 1000, 1800]:
    for modulus in [3, 50, 100000]:
        vals = [rand(modulus) for _ in range(n)]
        for reverse in (False, True):
            log.clear()
            calls.clear()
            out = sorted(vals, key=keyf, reverse=reverse)
            assert calls == vals
            print(n, modulus, reverse, len(log), checksum(log), log[:5], out[:8])
            items = [K(v, i) for i, v in enumerate(vals)]
            log.clear()
            items.sort(reverse=reverse)
            print("  items", len(log), checksum(log), [k.i for k in items[:8]])

# Reverse keeps equal elements in their original order.
data = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (1, "e")]
print(sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(data, key=lambda p: p[0]))
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower))
