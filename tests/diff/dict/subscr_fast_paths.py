# d[k] and d[k] = v on exact dicts with str and int keys take the dict's
# own lookup and insertion in the interpreter; keys that compare equal
# through Python code, str subclasses (which make the table a general one,
# with its sizes), missing keys and counts must stay CPython's.
import sys


class K:
    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        print("  K.__eq__ with", type(other).__name__)
        return self.text == other


class S(str):
    def __hash__(self):
        return str.__hash__(self)

    def __eq__(self, other):
        print("  S.__eq__")
        return str.__eq__(self, other)


def load(d, k):
    return d[k]


def store(d, k, v):
    d[k] = v


def load_const(d):
    return d["a"]


d = {"a": 1, "b": 2}
print(load(d, "a"), load_const(d), load(d, "".join(["b"])))
store(d, "c", 3)
store(d, "".join(["a"]), 10)
store(d, 5, "five")
store(d, 5, "FIVE")
print(d)
try:
    load(d, "zz")
except KeyError as e:
    print("KeyError", e)

mixed = {K("ab"): "K entry"}
print(load(mixed, "ab"), load_const({"a": 0}))
store(mixed, "ab", "replaced through K")
print(list(mixed.values()))

sub = {S("ab"): "S entry"}
print(load(sub, "ab"))
store(sub, "ab", "replaced")
print(sub, type(list(sub)[0]).__name__)

value = object()
counts = {}
before = sys.getrefcount(value)
store(counts, "v", value)
print(sys.getrefcount(value) - before)
store(counts, "v", None)
print(sys.getrefcount(value) - before)


class Missing(dict):
    def __missing__(self, k):
        return "missing " + k


print(load(Missing(), "q"), load_const(Missing(a="sub")))


class T(str):
    __slots__ = ()


sizes = [{"ab": 1}, {S("ab"): 1}, {T("ab"): 1}]
grown = {"x": 1}
store(grown, T("y"), 2)
sizes.append(grown)
print([sys.getsizeof(x) for x in sizes], load(grown, "y"))
