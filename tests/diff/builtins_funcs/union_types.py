# PEP 604 unions (types.UnionType): `int | str` and what it is made of,
# isinstance/issubclass through it, equality, hashing, sizes and what the
# collector sees (the __parameters__ tuple exists only once asked for).
import gc, sys, types

u = int | str
print(type(u), repr(u), u.__args__, sys.getsizeof(u), gc.is_tracked(u))
print(gc.get_referents(u))
print(u.__parameters__, gc.get_referents(u))
print(int | int, repr(int | None), repr(None | int), repr(int | str | int), repr((int | str) | (str | float)))
print(repr(list[int] | None), repr(int | list[int]), repr(dict[str, int] | list[int] | None))
print((int | str) == (str | int), hash(int | str) == hash(str | int), (int | str) != (int | float))
print((int | str) == int, (int | str | None).__args__, {int | str: 1}[str | int])
print(isinstance(1, int | str), isinstance(1.0, int | str), isinstance(None, int | None), isinstance(True, float | int))
print(issubclass(bool, int | str), issubclass(float, int | str), issubclass(int, (str | None, int)))
print(isinstance(1, (str, int | None)), isinstance(1, int | list[int]))
for bad in [lambda: int | 1, lambda: 1 | int, lambda: int | "str", lambda: int | ...,
            lambda: isinstance("x", int | list[int]), lambda: issubclass(str, int | list[int]),
            lambda: (int | str)[int], lambda: types.UnionType(), lambda: (int | str).x,
            lambda: (int | str) < (int | str), lambda: issubclass(1, int | str)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(type(u).__module__, type(u).__name__, type(u).__qualname__, types.UnionType is type(u))
print(types.UnionType.__doc__)
print(list(types.UnionType.__dict__))
print(u.__module__, u.__class__, u.__lt__(u))

class C:
    pass
print(repr(C | None), repr(int | type(None)), repr(int | types.NoneType), repr(C | types.GenericAlias))

def f(x: int | None = None, *, y: "str | bytes" = "") -> list[int] | None:
    return [x] if isinstance(x, int | float) else None
print(f.__annotations__, f(3), f())

print("-- counts")
a = int | str
print(sys.getrefcount(a), sys.getrefcount(a.__args__))
members = a.__args__
del a
print(sys.getrefcount(members))
print("-- a union in a cycle")
class Holder:
    pass
h = Holder()
h.kind = C | Holder
h.self = h
del h
print(gc.collect() >= 1)
