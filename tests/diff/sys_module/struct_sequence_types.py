# sys's struct sequences are builtin tuple subclasses: their fields are
# read-only member descriptors with documentation, the type's namespace
# holds the field counts and __match_args__, some can be instantiated.
import sys

for v in (sys.version_info, sys.flags, sys.float_info, sys.int_info, sys.hash_info):
    T = type(v)
    print(T, T.__name__, T.__qualname__, T.__module__, T.__mro__)
    print("  namespace:", list(T.__dict__))
    print("  doc:", repr(T.__doc__))
    print("  counts:", T.n_sequence_fields, T.n_fields, T.n_unnamed_fields, len(v))
    print("  fields:", [(k, T.__dict__[k].__doc__) for k in T.__match_args__])
    print("  repr:", repr(v))
    print("  str is repr:", str(v) == repr(v))
    print("  reduce:", v.__reduce__()[0] is T, v.__reduce__()[1])
    print("  tuple:", tuple(v) == v, v == tuple(v), hash(v) == hash(tuple(v)), isinstance(v, tuple))
    try:
        r = T(tuple(v))
        print("  new:", r == v, type(r) is T, r is v)
    except TypeError as e:
        print("  TypeError:", e)
    print("  member:", T.__dict__[T.__match_args__[0]])

v = sys.version_info
print(v.major, v[0], v[:2], v[-1], v > (3, 0), v >= (3, 11), "%d.%d" % v[:2], v.count(3), v.index(11))
print(v + (1,), v * 1 == v, type(v * 1), type(v[:2]), list(reversed(v))[:2])
a, b, *rest = v
print(a, b, rest)

for bad in ("v.major = 4", "del v.major", "v.foo = 1", "type(v).major = 3", "type(v).n_fields = 1"):
    try:
        exec(bad)
    except (AttributeError, TypeError) as e:
        print(bad, "->", type(e).__name__, e)

T = type(sys.float_info)
for args, kwargs in [
    ((), {}),
    (((1,) * 11,), {}),
    (((1,) * 10,), {}),
    (((1,) * 12,), {}),
    ((1, 2, 3), {}),
    (((1,) * 11,), {"dict": {}}),
    (((1,) * 11, {"x": 2}), {}),
    (((1,) * 11, None), {}),
    (((1,) * 11, [1]), {}),
    ((), {"sequence": (2,) * 11}),
    ((), {"seq": 1}),
    (((1,) * 11,), {"sequence": 1}),
    (((1,) * 11,), {"other": 1}),
    (("abcdefghijk",), {}),
    (([1] * 11,), {}),
    ((iter(range(11)),), {}),
    ((5,), {}),
]:
    try:
        r = T(*args, **kwargs)
        print("float_info", args and type(args[0]).__name__, kwargs, "->", r.max, r.rounds, type(r) is T)
    except TypeError as e:
        print("float_info", args and type(args[0]).__name__, kwargs, "-> TypeError:", e)

print(T.__new__(T, (7,) * 11).dig)
for call in ("T.__new__(int, (1,) * 11)", "T.__new__(5, (1,) * 11)", "T.__new__()", "tuple.__new__(type(v), (1, 2, 3, 4, 5))", "type(v).__repr__((1, 2))"):
    try:
        eval(call)
    except TypeError as e:
        print(call, "->", e)
try:
    class S(T):
        pass
except TypeError as e:
    print("subclass ->", e)

match v:
    case (3, minor, *_):
        print("sequence pattern", minor)
VersionInfo = type(v)
match v:
    case VersionInfo(major=3, minor=m):
        print("class pattern", m)

import copy
print(copy.copy(sys.float_info) == sys.float_info, copy.deepcopy(sys.int_info) == sys.int_info)
try:
    copy.copy(v)
except TypeError as e:
    print("copy version_info ->", e)
print(sys.getsizeof(sys.float_info), sys.getsizeof(sys.int_info), sys.getsizeof(v))
print(type(sys.implementation), sys.implementation.version is v)
