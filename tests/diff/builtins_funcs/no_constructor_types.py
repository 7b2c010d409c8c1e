# Builtin types without a constructor (iterators, views, generators,
# frames) refuse to make instances, with CPython's message; the singleton
# types give their singleton.
import sys
def gen():
    yield 1
objs = {
    "list_iterator": iter([]), "tuple_iterator": iter(()), "str_iterator": iter(""), "range_iterator": iter(range(1)),
    "set_iterator": iter(set()), "dict_keyiterator": iter({}), "dict_keys": {}.keys(), "dict_values": {}.values(),
    "dict_items": {}.items(), "generator": gen(), "frame": sys._getframe(),
    "mappingproxy": type.__dict__,
    "list_reverseiterator": reversed([]), "callable_iterator": iter(int, 1), "seq_iterator": iter("ab".__getitem__, None) if False else None,
    "NoneType": None, "ellipsis": ..., "NotImplementedType": NotImplemented, "cell": (lambda: objs).__closure__,
    "bytes_iterator": iter(b""), "bytearray_iterator": iter(bytearray()),
}
for k, o in objs.items():
    if o is None and k != "NoneType": continue
    t = type(o)
    try:
        r = t()
        print(k, "made", type(r).__name__)
    except TypeError as e:
        print(k, e)
