fs = frozenset([3, 1, 2, 3])
print(fs, len(fs), 2 in fs, sorted(fs))
print(fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__)
print(hash(fs) == hash(frozenset({1, 2, 3})))
d = {fs: "frozen key"}
print(d[frozenset({1, 2, 3})])
nested = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(nested))
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {set()}
except TypeError as e:
    print("TypeError:", e)
print(frozenset(), repr(frozenset({5})), set(fs) == fs)
f2 = frozenset(fs)
print(f2 is fs)
