# extend makes room for the whole argument or its length hint.
import sys
g = sys.getsizeof
for arg in ([1, 2, 3], (1, 2, 3, 4, 5), range(7), "abcdefghi", {1: 2, 3: 4}, {5, 6, 7}):
    l = []
    l.extend(arg)
    m = [0]
    m.extend(arg)
    print(type(arg).__name__, g(l), g(m))
l = []
r = []
for i in range(25):
    l.extend([i, i, i])
    r.append(g(l))
print(r)
l = []
r = []
for i in range(25):
    l += (i, i)
    r.append(g(l))
print(r)
l = list(range(3))
l.extend(range(100))
print(g(l))
l = []
l.extend(x for x in range(5))
print(g(l))
l = []
l.extend(x for x in range(20))
print(g(l))
l = [1]
l.pop()
l.extend([1, 2, 3])
print(g(l))
l = [1, 2]
l.clear()
l.extend([1, 2, 3])
print(g(l))
l.extend(l)
print(g(l))
