# Sets, frozensets and their subclasses under copy and deepcopy.
import copy

s = {1, 2, (3, 4)}
d = copy.deepcopy(s)
print(d == s, d is s, sorted(d, key=str))
fs = frozenset({1, 2})
print(copy.copy(fs) is fs, copy.deepcopy(fs) is fs)
fs2 = frozenset({(1, (2, 3))})
print(copy.deepcopy(fs2) is fs2, copy.deepcopy(fs2) == fs2)

class Tags(set):
    pass

t = Tags({"a", "b"})
t.owner = ["me"]
t2 = copy.deepcopy(t)
print(type(t2).__name__, sorted(t2), t2.owner, t2.owner is t.owner)
t3 = copy.copy(t)
print(type(t3).__name__, sorted(t3), t3.owner is t.owner)

class Frozen(frozenset):
    pass

f = Frozen([1, 2, 3])
print(type(copy.copy(f)).__name__, sorted(copy.deepcopy(f)))
holder = [s, s]
h2 = copy.deepcopy(holder)
print(h2[0] is h2[1], h2[0] is s)
