# insert, slice assignment, *= and del of slices resize like CPython.
import sys
g = sys.getsizeof
l = []
r = []
for i in range(30):
    l.insert(0, i)
    r.append(g(l))
print(r)
l = [1, 2, 3]
l[3:] = range(20)
print(g(l))
l[:] = []
print(g(l), l)
l[:] = [1, 2]
print(g(l))
l = list(range(10))
del l[2:8]
print(g(l))
l = list(range(10))
del l[::2]
print(g(l))
l = [1, 2]
l *= 10
print(g(l))
l *= 0
print(g(l))
l = list(range(20))
l[5:15] = [0]
print(g(l))
l[0:0] = range(50)
print(g(l))
l.sort()
l.reverse()
print(g(l))
