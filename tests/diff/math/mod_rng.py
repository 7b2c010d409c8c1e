# Deterministic inputs for the math programs (no random module needed):
# a 64-bit LCG, and floats spread over the whole double range.


class Rng:
    def __init__(self, seed):
        self.s = seed

    def bits(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.s >> (64 - n)

    def random(self):
        return self.bits(53) / 9007199254740992

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def randint(self, a, b):
        return a + self.bits(32) % (b - a + 1)

    def wide(self):
        # any magnitude, subnormals included, either sign
        e = self.randint(-1074, 1023)
        if e >= -1022:
            x = self.random() * 2.0 ** e
        else:
            x = self.random() * 2.0 ** -1022 * 2.0 ** (e + 1022)
        return x if self.bits(1) else -x


INF = float("inf")
NAN = float("nan")
SPECIALS = [0.0, -0.0, INF, -INF, NAN, 5e-324, -5e-324, 2.2250738585072014e-308,
            1.7976931348623157e308, -1.7976931348623157e308, 1.0, -1.0, 0.5, -0.5,
            2.0, 3.0, -3.0, 0.1, 1e-300, 1e300, 710.0, -745.2, 1e-20, 1e-8, 1e16,
            -1e16, 4.5, -4.5, 0.9999999999999999, 1.0000000000000002]


def show(f, *args, **kw):
    """repr of f(*args), or the exception's type and message."""
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return "%s(%s)" % (type(e).__name__, e)


def rows(label, items, per_line=8):
    items = list(items)
    for i in range(0, len(items), per_line):
        print(label, " ".join(items[i:i + per_line]))
