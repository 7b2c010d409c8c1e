# Classes already have one weak reference: the one their bases' subclass
# registry holds. ref(cls) without a callback returns that same object.
import weakref, gc, sys

class Base:
    pass

class Child(Base):
    pass

print(weakref.getweakrefcount(Base), weakref.getweakrefcount(Child))
r = weakref.ref(Base)
print(r is weakref.getweakrefs(Base)[0], r is weakref.ref(Base))
print(sys.getrefcount(r))
print(weakref.getweakrefcount(int), weakref.getweakrefcount(float), weakref.getweakrefcount(ValueError), weakref.getweakrefcount(object))
print(weakref.ref(int) is weakref.ref(int), weakref.ref(int)() is int)
def make():
    class Temp:
        pass
    return weakref.ref(Temp, lambda w: print("class collected"))
rt = make()
print(rt() is not None)
print(gc.collect() > 0, rt())
