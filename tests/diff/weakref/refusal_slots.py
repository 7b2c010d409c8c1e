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
