# Order of callbacks when an object dies by reference count: the newest
# callback first, after __del__.
import weakref

class A:
    def __del__(self):
        print("__del__")

a = A()
refs = []
for i in range(4):
    refs.append(weakref.ref(a, lambda w, i=i: print("callback", i)))
plain = weakref.ref(a)
p = weakref.proxy(a, lambda w: print("proxy callback"))
print(weakref.getweakrefcount(a))
del a
print("done", [r() for r in refs], plain())
