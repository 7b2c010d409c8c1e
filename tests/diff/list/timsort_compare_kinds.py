# Which comparison list.sort uses depends on the keys' types: all of one
# class calls that class's __lt__ directly (a NotImplemented result runs
# the full comparison, calling __lt__ again); mixed types use `<`.
log = []


class A:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append(("A.lt", self.v, other.v))
        return NotImplemented

    def __gt__(self, other):
        log.append(("A.gt", self.v, other.v))
        return self.v > other.v


class B(A):
    def __lt__(self, other):
        log.append(("B.lt", self.v, other.v))
        return NotImplemented


class C:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        log.append(("C.gt", self.v, other.v))
        return self.v > other.v


def val(x):
    if isinstance(x, tuple):
        return tuple(val(y) for y in x)
    return getattr(x, "v", x)


def show(title, xs, **kw):
    log.clear()
    try:
        r = sorted(xs, **kw)
        print(title, [val(x) for x in r])
    except TypeError as e:
        print(title, "TypeError", e)
    for entry in log:
        print("   ", entry)


show("same class", [A(3), A(1), A(2)])
show("mixed classes", [A(3), B(1), A(2), B(0)])
show("subclass only", [B(3), B(1), B(2)])
show("no __lt__", [C(3), C(1), C(2)])
show("tuples, same first type", [(A(2), 1), (A(1), 2), (A(2), 0)], key=lambda t: t)
show("tuples of mixed first types", [(A(2), 1), (B(1), 2), (A(2), 0)], key=lambda t: t)
show("key", [3, 1, 2], key=A)


class Truthy:
    def __init__(self, r):
        self.r = r

    def __bool__(self):
        log.append(("bool", self.r))
        return self.r


class R:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append(("R.lt", self.v, other.v))
        return Truthy(self.v < other.v)


show("non-bool result", [R(2), R(3), R(1)])


# Ties are resolved by tuple items after the first with ==, then <.
class Q:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        log.append(("Q.eq", self.v, other.v))
        return self.v == other.v

    def __lt__(self, other):
        log.append(("Q.lt", self.v, other.v))
        return self.v < other.v

    __hash__ = None


log.clear()
r = sorted([(1, Q(2)), (1, Q(1)), (0, Q(5))])
print([(a, q.v) for a, q in r])
for entry in log:
    print("   ", entry)
log.clear()
r = sorted([(Q(1), 2), (Q(1), 1), (Q(0), 5)])
print([(q.v, b) for q, b in r])
for entry in log:
    print("   ", entry)

# Machine keys: floats with NaN depend on the algorithm's exact steps.
nan = float("nan")
seed = 5


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


for n in [5, 20, 100, 1000]:
    xs = [nan if rand(7) == 0 else float(rand(50)) for _ in range(n)]
    r = sorted(xs)
    print(n, [str(x) for x in r[:30]])
    print(" ", sum(1 for x in r if x != x), [i for i, x in enumerate(r) if x != x][:20])
print(sorted([3, 1.5, 2, -0.0, 0, 0.0, True, False]))
print(sorted([2**70, -2**80, 5, 2**64, -1, 0]))
print(sorted(["b", "a", "é", "Z", "", "ab", "\U0001f600", "\x00"]))
print(sorted([1, 2.5, 0], reverse=True))
