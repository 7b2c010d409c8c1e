# Classes with __slots__ but no __weakref__ slot refuse weak references.
import weakref

class S:
    __slots__ = ("a",)

class SW:
    __slots__ = ("a", "__weakref__")

class Sub(S):
    pass

class SubSlots(S):
    __slots__ = ("b",)

for cls in [S, SW, Sub, SubSlots]:
    try:
        r = weakref.ref(cls())
        print(cls.__name__, "ok", r())
    except TypeError as e:
        print(cls.__name__, e)
print(hasattr(S(), "__weakref__"), hasattr(SW(), "__weakref__"))
print("__weakref__" in SW.__dict__, "__weakref__" in Sub.__dict__)
class D:
    __slots__ = ("__dict__",)
try:
    weakref.ref(D())
except TypeError as e:
    print(e)
class Plain:
    pass
try:
    class Again(Plain):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print(e)
try:
    class Twice:
        __slots__ = ("__weakref__", "__weakref__")
except TypeError as e:
    print(e)
class Fine(S):
    __slots__ = ("__weakref__",)
print(weakref.ref(Fine())() is None)
