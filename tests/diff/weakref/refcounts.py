# Reference counts with weak references around: refs do not count the
# referent; containers of refs count the refs.
import weakref, sys

class C:
    pass

c = C()
print(sys.getrefcount(c))
rs = [weakref.ref(c, lambda w: None) for i in range(3)]
print(sys.getrefcount(c), sys.getrefcount(rs[0]))
r = weakref.ref(c)
print(sys.getrefcount(r))
r_again = weakref.ref(c)
print(sys.getrefcount(r), r_again is r)
cb = lambda w: None
print(sys.getrefcount(cb))
w = weakref.ref(c, cb)
print(sys.getrefcount(cb))
p = weakref.proxy(c)
print(sys.getrefcount(c), sys.getrefcount(p))
obj = r()
print(sys.getrefcount(c))
del obj
del c
print(sys.getrefcount(cb))     # the callback was dropped after the call
print(weakref.getweakrefcount(C()))
