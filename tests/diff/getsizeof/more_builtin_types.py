# sys.getsizeof of builtin objects of more types: descriptors, iterators,
# weak references, frames, exceptions (CPython 3.11's 64-bit sizes).
import sys, types, gc, weakref
gs = sys.getsizeof
def f(): pass
class C:
    def m(self): pass
c = C()
objs = {
 "MappingProxy": types.MappingProxyType({}),
 "cell": (lambda: c).__closure__ if (lambda: c).__closure__ else None,
 "code": f.__code__,
 "module": types.ModuleType("m"),
 "method": c.m,
 "builtin method": [].append,
 "getset": C.__dict__["__dict__"],
 "member": types.SimpleNamespace.__dict__.get("x", 0),
 "wrapper_descr": int.__add__,
 "method-wrapper": (1).__add__,
 "weakref": weakref.ref(C),
 "proxy": weakref.proxy(C),
 "GenericAlias": list[int],
 "NoneType": None,
 "generator": (x for x in []),
 "list_iter": iter([1]),
 "set_iter": iter({1}),
 "dict_items_iter": iter({}.items()),
 "enumerate": enumerate([]),
 "zip": zip([], []),
 "map": map(len, []),
 "reversed": reversed([1]),
 "range_iter": iter(range(3)),
 "longrange_iter": iter(range(2**70)),
 "bytes_iter": iter(b""),
 "bytearray_iter": iter(bytearray()),
 "str_iter": iter("é"),
 "tuple_iter": iter(()),
 "callable_iter": iter(lambda: 1, 2),
 "seq_iter": iter(types.SimpleNamespace.__dict__.get("x", [1]) ),
 "traceback": None,
 "frame": sys._getframe(),
 "super": super(C, c),
 "property": property(),
 "staticmethod": staticmethod(f),
 "classmethod": classmethod(f),
 "slice": slice(1),
 "type": C,
 "object": object(),
 "NotImplemented": NotImplemented,
 "Ellipsis": ...,
 "exc": KeyError("k"),
 "exc2": OSError(2, "x"),
 "exc3": SyntaxError("s"),
 "exc4": StopIteration(1),
 "exc5": SystemExit(1),
 "exc6": UnicodeDecodeError("utf-8", b"x", 0, 1, "r"),
 "exc7": ImportError("x"),
 "exc8": AttributeError("a"),
 "exc9": NameError("n"),
}
for k, v in objs.items():
    print(k, type(v).__name__, gs(v))
try:
    1/0
except ZeroDivisionError as e:
    print("tb", gs(e.__traceback__))
