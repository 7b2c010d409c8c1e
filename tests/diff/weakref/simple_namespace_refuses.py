# types.SimpleNamespace has a __dict__ but no weak reference slot: a weak
# reference to one is a TypeError; a subclass adds the slot. (The message is
# not printed: CPython names the C type 'types.SimpleNamespace', refscope's
# is a class written in Python, named 'SimpleNamespace'.)
import types
import weakref

ns = types.SimpleNamespace(a=1)
try:
    weakref.ref(ns)
    print("weak reference made")
except TypeError as e:
    print(type(e).__name__)


class Sub(types.SimpleNamespace):
    pass


s = Sub(b=2)
r = weakref.ref(s)
print(r() is s, s, vars(s))
del s
print(r())
