# Sets keep eight entries inline and grow their table fourfold.
import sys
g = sys.getsizeof
s = set()
r = []
for i in range(60):
    r.append(g(s))
    s.add(i)
print(r)
for n in (0, 1, 4, 5, 8, 16, 18, 19, 32, 50, 100, 1000):
    print(n, g(set(range(n))), g(frozenset(range(n))), g({*range(n)}), g(set(list(range(n)))))
s = set(range(100))
for i in range(95):
    s.discard(i)
print(g(s))
s.clear()
print(g(s))
print(g(set("abc")), g({1, 2, 3}), g(frozenset()), g({1, 2} | {3}), g(set(range(10)).copy()))
