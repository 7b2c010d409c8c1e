# In-place operators on a proxy: the referent's __iadd__ mutates it and
# the name is rebound to what the operation returns.
import weakref

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        return "replaced"

a = Acc()
p = weakref.proxy(a)
q = p
q += 1
print(a.items, q is a, type(q).__name__)
r = p
r -= 1
print(r)
lst = [1]
class L(list):
    pass
l = L([1, 2])
pl = weakref.proxy(l)
x = pl
x += [3]
print(l, x is l)
n = 5
class Box:
    pass
