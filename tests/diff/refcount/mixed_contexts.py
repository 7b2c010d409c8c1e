import sys
rc = sys.getrefcount
class C:
    cls_attr = []
    def m(self): return rc(self)
    def __init__(self): self.items = []
c = C()
print(rc(c), rc(C.cls_attr), rc(c.items), c.m())
f = lambda: rc(c)
print(f())
def outer():
    x = []
    def inner(): return x
    return rc(x), inner
print(outer()[0])
d = {"a": []}
print(rc(d["a"]))
t = ([],)
print(rc(t[0]))
g = (i for i in [c])
print(rc(c))
next(g)
print(rc(c))
del g
print(rc(c))
it = iter([c, c])
print(rc(c))
def deflt(a=[]): return rc(a)
print(deflt())
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *a): return False
cm = Ctx()
with cm as q:
    print(rc(cm))
print(rc(cm))
try:
    raise ValueError(c)
except ValueError as e:
    print(rc(c), rc(e))
print(rc(c))
l = [c] * 3
print(rc(c))
l.pop()
print(rc(c))
x = y = []
print(rc(x))
def kw(**k): return rc(k)
print(kw(a=1))
def va(*a): return rc(a)
print(va(1, 2))
print(rc(None) > 100, rc(1) > 10)
s = {c}
print(rc(c))
m = c.m
print(rc(c), rc(m))
