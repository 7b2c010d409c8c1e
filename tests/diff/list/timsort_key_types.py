# Comparison choice for subclasses of builtin types, bools, lists as keys,
# and odd __lt__ definitions.
log = []


class MyInt(int):
    def __lt__(self, other):
        log.append(("MyInt.lt", int(self), int(other)))
        return NotImplemented


class MyStr(str):
    def __lt__(self, other):
        log.append(("MyStr.lt", str(self), str(other)))
        return str.__lt__(self, other)


def show(title, xs, **kw):
    log.clear()
    try:
        print(title, sorted(xs, **kw))
    except TypeError as e:
        print(title, "TypeError:", e)
    for entry in log:
        print("   ", entry)


show("int subclass", [MyInt(3), MyInt(1), MyInt(2)])
show("int subclass mixed with int", [MyInt(3), 1, MyInt(2), 0])
show("str subclass", [MyStr("b"), MyStr("c"), MyStr("a")])
show("bools", [True, False, True, False])
show("lists", [[2, 1], [1, 5], [2], [1, 5, 0]])
show("tuples with empty", [(2,), (), (1, 2), (1,)])
show("mixed int and str", [1, "a"])
show("mixed int and float", [3, 1.5, 2, 0.5, True])


class NoneLt:
    __lt__ = None

    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "NoneLt(%d)" % self.v


show("__lt__ is None", [NoneLt(1), NoneLt(2)])


class Raises:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append(("lt", self.v, other.v))
        if self.v + other.v == 7:
            raise TypeError("sum is 7")
        return self.v < other.v

    def __repr__(self):
        return "R(%d)" % self.v


items = [Raises(v) for v in [6, 5, 4, 3, 2, 1, 0]]
log.clear()
try:
    items.sort()
except TypeError as e:
    print("TypeError:", e, items)
for entry in log:
    print("   ", entry)

print(sorted("hello world"))
print(sorted(range(10), key=lambda v: -v))
print(sorted({3: "a", 1: "b", 2: "c"}))
print(sorted([], reverse=True))
try:
    sorted([1], key=lambda v: 1 / 0)  # the key runs even for one item
except ZeroDivisionError as e:
    print("one item, ZeroDivisionError:", e)
try:
    sorted([1, 2], key=lambda v: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
l = [3, 1, 2]
print(l.sort(reverse=1), l)

# Inputs that are one run as timsort sees it (NaN compares false both ways).
nan = float("nan")
for xs in ([3.0, nan, 1.0], [3.0, 2.0, nan, 1.0], [5.0, 4.0, 3.0], [1.0, 1.0, 0.5],
           [nan, nan, 1.0, 0.0], [2.0, 1.0, 1.0, 0.0], [0.0, -0.0, 0.0], [-0.0, 0.0]):
    print([str(x) for x in sorted(xs)], [str(x) for x in sorted(xs, reverse=True)])
print(sorted([5, 4, 3, 2, 1]), sorted([1, 2, 2, 3]), sorted([3, 2, 2, 1]), sorted([2**65, 2**64, 1]))
print(sorted(["c", "b", "a"]), sorted(["a", "a", "b"]), sorted(["b", "a", "a"]))
