# The exact sequence of __lt__ calls list.sort makes (CPython's timsort with
# powersort merging, galloping, binary insertion), over many input shapes.

log = []


class K:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        log.append(self.i * 4096 + other.i)
        return self.v < other.v


seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


def pattern(name, n):
    if name == "random":
        return [rand(1000000) for _ in range(n)]
    if name == "fewdistinct":
        return [rand(4) for _ in range(n)]
    if name == "sorted":
        return list(range(n))
    if name == "reversed":
        return list(range(n, 0, -1))
    if name == "equal":
        return [7] * n
    if name == "runs":
        out = []
        while len(out) < n:
            m = 1 + rand(80)
            start = rand(1000)
            if rand(2):
                out.extend(range(start, start + m))
            else:
                out.extend(range(start + m, start, -1))
        return out[:n]
    if name == "sawtooth":
        return [i % 37 for i in range(n)]
    if name == "organ":
        return [min(i, n - i) for i in range(n)]
    if name == "nearly":
        out = list(range(n))
        for _ in range(max(1, n // 50)):
            if n > 1:
                a, b = rand(n), rand(n)
                out[a], out[b] = out[b], out[a]
        return out
    if name == "sorted_tail":
        out = list(range(n))
        return out[: n - n // 10] + [rand(n) for _ in range(n // 10)]
    if name == "interleaved":
        half = n // 2
        return [x for pair in zip(range(0, 2 * half, 2), range(2 * half, 0, -2)) for x in pair] + [0] * (n - 2 * half)
    raise ValueError(name)


def checksum(xs):
    h = 0
    for x in xs:
        h = ((h * 1000003) ^ x) & 0xFFFFFFFFFFFF
    return h


sizes = [0, 1, 2, 3, 4, 7, 16, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 200, 257, 500, 777, 1000, 1500, 2000]
names = ["random", "fewdistinct", "sorted", "reversed", "equal", "runs", "sawtooth", "organ", "nearly", "sorted_tail", "interleaved"]
for name in names:
    for n in sizes:
        vals = pattern(name, n)
        items = [K(v, i) for i, v in enumerate(vals)]
        log.clear()
        items.sort()
        order = [k.i for k in items]
        assert [k.v for k in items] == sorted(vals)
        print(name, n, len(log), checksum(log), checksum(order), log[:6])
