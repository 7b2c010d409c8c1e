# Subclassing weakref.ref: extra attributes, own __init__ and __new__.
import weakref

class Tagged(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag

    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)

class Slotted(weakref.ref):
    __slots__ = ("extra",)

class O:
    pass

o = O()
t = Tagged(o, None, tag="T")
print(t() is o, t.tag, type(t).__name__, isinstance(t, weakref.ref))
plain = weakref.ref(o)
print(t is not plain, t == plain, weakref.getweakrefcount(o))
print([type(w).__name__ for w in weakref.getweakrefs(o)])
s = Slotted(o)
s.extra = 5
print(s.extra, hasattr(s, "__dict__"), hasattr(t, "__dict__"))
print(Tagged(o) is Tagged(o))
w = weakref.ref(t)           # a subclass instance can be weakly referenced
print(w() is t)
log = []
t2 = Tagged(o, log.append, tag="cb")
del o
print(len(log), log[0] is t2, log[0].tag, t(), s())
try:
    weakref.ref()
except TypeError as e:
    print(e)
try:
    weakref.ref(t, None, 1)
except TypeError as e:
    print(e)
try:
    weakref.ref(t, callback=None)
except TypeError as e:
    print(e)
