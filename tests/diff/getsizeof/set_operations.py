# Set operators and in-place updates size their tables as CPython does.
import sys
g = sys.getsizeof
a = set(range(10)); b = set(range(5, 30))
print(g(a | b), g(a & b), g(a - b), g(b - a), g(a ^ b), g(b.union(range(100))), g(a.intersection(range(3))))
s = set(); s.update(range(40)); print(g(s))
s = set(range(4)); s.update(set(range(100))); print(g(s))
s = set(range(4)); s |= set(range(20)); print(g(s))
s = set(range(50)); s -= set(range(45)); print(g(s))
s = set(range(50)); s &= {1, 2}; print(g(s))
s = set(range(50)); s ^= set(range(25, 75)); print(g(s))
print(g(set({i: i for i in range(20)})), g(set("abcdefghij")), g(frozenset(set(range(30)))), g(set(frozenset(range(30)))))
print(g({i for i in range(12)}), g({*range(7), *range(100, 110)}))
s = set(range(100)); s2 = s.copy(); print(g(s2))
for i in range(90): s.discard(i)
print(g(s), g(s.copy()), g(set(s)))
