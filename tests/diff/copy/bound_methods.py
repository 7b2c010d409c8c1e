# Bound methods deep-copy their object; functions and classes are shared.
import copy

class Counter:
    def __init__(self):
        self.n = [0]
    def bump(self):
        self.n[0] += 1
        return self.n[0]

c = Counter()
m = c.bump
m2 = copy.deepcopy(m)
print(m2 is m, m2.__self__ is c, m2.__func__ is m.__func__)
print(m2(), c.n, m2.__self__.n)
m3 = copy.copy(m)
print(m3 is m, m3.__self__ is c)

holder = {"obj": c, "cb": c.bump}
h2 = copy.deepcopy(holder)
print(h2["cb"].__self__ is h2["obj"])

f = lambda x: x
print(copy.deepcopy([f, Counter, len])[0] is f)
