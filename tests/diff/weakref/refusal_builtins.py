# Objects of many builtin types cannot be weakly referenced.
import weakref

def check(o):
    try:
        weakref.ref(o)
        print(type(o).__name__, "ok")
    except TypeError as e:
        print(e)

for o in [1, 2.5, 3j, "s", b"b", bytearray(), [], (), {}, None, True,
          object(), range(3), slice(1), iter([]), Exception(), ValueError("x")]:
    check(o)
for o in [set(), frozenset(), check, len, type, weakref, (x for x in ()), check.__code__]:
    check(o)
try:
    weakref.proxy(5)
except TypeError as e:
    print(e)
try:
    weakref.ref(weakref.ref(check))
except TypeError as e:
    print(e)
