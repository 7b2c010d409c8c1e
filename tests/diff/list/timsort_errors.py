# What the list holds after __lt__ or the key function raises mid-sort, the
# order in which keys are released, and mutation during the sort.


class Stop(Exception):
    pass


budget = [0]


class K:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        budget[0] -= 1
        if budget[0] < 0:
            raise Stop
        return self.v < other.v


seed = 4242


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


def checksum(xs):
    h = 0
    for x in xs:
        h = ((h * 1000003) ^ x) & 0xFFFFFFFFFFFF
    return h


for n in [5, 30, 70, 200, 1200]:
    vals = [rand(1000) for _ in range(n)]
    for stop in [0, 1, 3, 10, 40, 100, 300, 1000, 3000, 6000, 9000]:
        for reverse in (False, True):
            items = [K(v, i) for i, v in enumerate(vals)]
            budget[0] = stop
            try:
                items.sort(reverse=reverse)
                result = "ok"
            except Stop:
                result = "stopped"
            order = [k.i for k in items]
            assert sorted(order) == list(range(n))
            print(n, stop, reverse, result, checksum(order), order[:12])

# The same with a key function: items and keys move together.
vals = [rand(100) for _ in range(300)]
for stop in [5, 50, 500, 1500]:
    items = list(range(300))
    budget[0] = stop
    try:
        items.sort(key=lambda i: K(vals[i], i))
    except Stop:
        pass
    print("key", stop, checksum(items), items[:10])


# Key function raising: the list is back in its original order; the keys
# made so far are released last to first.
class D:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __del__(self):
        print("del key", self.v)


def keyf(x):
    if x == 3:
        raise ValueError("bad key")
    return D(x)


l = [5, 1, 2, 3, 4]
try:
    l.sort(key=keyf)
except ValueError as e:
    print("error", e, l)
print(sorted([5, 1, 2, 4], key=D))
print(sorted([5, 1, 2, 4], key=D, reverse=True))


# A comparison error with reverse=True: the partial state is reversed back.
class E:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 99 or other.v == 99:
            raise RuntimeError("99")
        return self.v < other.v

    def __repr__(self):
        return "E(%d)" % self.v


for rev in (False, True):
    l = [E(v) for v in [4, 3, 2, 1, 99, 8, 7, 6, 5]]
    try:
        l.sort(reverse=rev)
    except RuntimeError as e:
        print("RuntimeError", e, l)

# The list is empty during the sort.
seen = []
target = []


class L:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        seen.append(len(target))
        return self.v < other.v


target.extend(L(v) for v in [3, 1, 2])
target.sort()
print("len during sort", seen, [x.v for x in target])


# Mutating the list during the sort: ValueError, the sorted items stay.
class M:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        target2.append(M(-1))
        return self.v < other.v

    def __repr__(self):
        return "M(%d)" % self.v


target2 = [M(v) for v in [5, 2, 9, 1]]
try:
    target2.sort()
except ValueError as e:
    print("ValueError", e, target2)


# Mutation and a comparison error together: the comparison error wins.
class N:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        target3.append(0)
        if self.v == 1 or other.v == 1:
            raise KeyError(1)
        return self.v < other.v

    def __repr__(self):
        return "N(%d)" % self.v


target3 = [N(v) for v in [5, 2, 9, 1, 3]]
try:
    target3.sort()
except (KeyError, ValueError) as e:
    print(type(e).__name__, e, target3)

# Items added during the sort are released when it ends, last first.
class Tell:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __lt__(self, other):
        return False


class Adder:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if not target4:
            target4.extend([Tell("a"), Tell("b"), Tell("c")])
        return self.v < other.v


target4 = [Adder(2), Adder(1)]
try:
    target4.sort()
except ValueError as e:
    print("ValueError", e, [x.v for x in target4])
