# Dict and set tables after copies, merges, deletions and presized literals.
import sys
g = sys.getsizeof
d = {i: i for i in range(50)}
for i in range(45): del d[i]
print(g(d), g(d.copy()), g(dict(d)), g({**d}))
d = {i: i for i in range(50)}
print(g(d.copy()), g(dict(d)), g({**d}), g(dict(d.items())))
print(g({'a':1,'b':2,'c':3,'d':4,'e':5,'f':6,'g':7,'h':8,'i':9,'j':10,'k':11,'l':12}))
print(g({1:1,2:2,3:3,4:4,5:5,6:6,7:7,8:8,9:9,10:10,11:11,12:12,13:13,14:14,15:15,16:16,17:17,18:18}))
x = 1
print(g({x: 1, 2: x, 3: x, 4: x, 5: x, 6: x}))
print(g(dict.fromkeys("abcdefghijkl")), g(dict.fromkeys(set(range(20)))), g(dict.fromkeys({i: 1 for i in range(20)})))
s = {}
s.update(a=1, b=2)
print(g(s))
s.update({i: i for i in range(10)})
print(g(s))
d = {}
d.setdefault('a', 1)
print(g(d))
d = dict([(1, 2), (3, 4)])
print(g(d))
d = dict(zip("abcdefghij", range(10)))
print(g(d))
d = {i: i for i in range(6)}
d.popitem(); d[100] = 1; print(g(d))
d = {}
for i in range(100):
    d[i] = i
    del d[i]
print(g(d), len(d))
print(g(set(range(50)).copy()), g(frozenset(range(50)) | {1}), g({1,2,3} - {1}), g(set(range(40)) & set(range(20))))
s = set()
for i in range(100):
    s.add(i); s.discard(i)
print(g(s))
