# WeakSet: members vanish when they die.
import weakref

class M:
    def __init__(self, n):
        self.n = n

ms = [M(i) for i in range(4)]
s = weakref.WeakSet(ms[:3])
print(len(s), ms[0] in s, ms[3] in s, 1 in s, sorted(m.n for m in s))
s.add(ms[3])
del ms[0]
print(len(s), sorted(m.n for m in s))
s.discard(ms[0])
print(len(s))
s.remove(ms[1])
try:
    s.remove(ms[1])
except KeyError:
    print("KeyError")
t = weakref.WeakSet([ms[1], ms[2]])
print(sorted(m.n for m in s | t), sorted(m.n for m in s & t), sorted(m.n for m in s - t))
print(s.issubset(ms), t <= s, s == weakref.WeakSet([ms[2]]))
popped = s.pop()
print(popped.n, len(s))
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)
c = t.copy()
print(type(c).__name__, len(c))
ms.clear()
print(len(s), len(t), len(c), len(list(t)), list(t)[0] is popped)
