# sys.getrefcount of weak references and of the objects around them.
import weakref, sys

class C:
    pass

c = C()
r = weakref.ref(c)
print(sys.getrefcount(r), sys.getrefcount(c))
same = [weakref.ref(c) for i in range(3)]
print(sys.getrefcount(r), all(x is r for x in same))
p = weakref.proxy(c)
ps = [weakref.proxy(c) for i in range(2)]
print(sys.getrefcount(p))
rs = weakref.getweakrefs(c)
print(sys.getrefcount(r), sys.getrefcount(p), len(rs))
del rs, same, ps
print(sys.getrefcount(r), sys.getrefcount(p))
f = lambda w: None
w1 = weakref.ref(c, f)
w2 = weakref.ref(c, f)
print(sys.getrefcount(f), w1 is w2)
del c
print(sys.getrefcount(f), sys.getrefcount(r))
