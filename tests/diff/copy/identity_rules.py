# copy/deepcopy return immutable and atomic objects themselves.
import copy, sys

big = int("1" * 30)
s = "hello world"
f = 2.5
b = b"bytes"
fs = frozenset({1, 2})
t = (1, 2, "x")
def fn(): pass
class K: pass

for name, obj in [("int", 5), ("big", big), ("str", s), ("float", f), ("bytes", b),
                  ("None", None), ("True", True), ("Ellipsis", ...), ("NotImplemented", NotImplemented),
                  ("complex", 1 + 2j), ("frozenset", fs), ("tuple", t), ("range", range(5)),
                  ("slice", slice(1, 2)), ("function", fn), ("class", K), ("builtin", len),
                  ("type", int), ("code", fn.__code__)]:
    print(name, copy.copy(obj) is obj, copy.deepcopy(obj) is obj)

five = 5
print(copy.copy(five) is five)
print(copy.deepcopy((1, 2)) is not None)
t2 = tuple([1, 2])
print(copy.deepcopy(t2) is t2)
t3 = ([],)
d3 = copy.deepcopy(t3)
print(d3 is t3, d3 == t3, d3[0] is t3[0])
t4 = ((1, 2), ("a", (3,)))
print(copy.deepcopy(t4) is t4)
t5 = ((1, 2), ("a", ([3],)))
c5 = copy.deepcopy(t5)
print(c5 is t5, c5[0] is t5[0], c5[1] is t5[1], c5[1][1][0] is t5[1][1][0])
fs2 = frozenset({(1, 2)})
print(copy.deepcopy(fs2) is fs2, copy.deepcopy(fs2) == fs2)
print(sys.getrefcount(big), sys.getrefcount(t2))
