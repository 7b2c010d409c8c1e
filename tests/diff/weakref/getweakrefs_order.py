# getweakrefs lists the shared ref first, then the shared proxy, then the
# others newest first.
import weakref

class C:
    pass

def names(o):
    return [type(w).__name__ + ("+cb" if (type(w) is weakref.ref and w.__callback__) else "") for w in weakref.getweakrefs(o)]

c = C()
r1 = weakref.ref(c, lambda w: None)
print(names(c))
p1 = weakref.proxy(c)
print(names(c))
r0 = weakref.ref(c)
print(names(c))
r2 = weakref.ref(c, lambda w: None)
print(names(c))
p2 = weakref.proxy(c, lambda w: None)
print(names(c))
print(weakref.getweakrefs(c)[0] is r0, weakref.getweakrefs(c)[1] is p1)
print(weakref.getweakrefs(c)[2] is p2, weakref.getweakrefs(c)[3] is r2, weakref.getweakrefs(c)[4] is r1)
print(weakref.getweakrefcount(c))
del r1, p2
print(names(c), weakref.getweakrefcount(c))
print(weakref.getweakrefs(1), weakref.getweakrefcount("str"))
