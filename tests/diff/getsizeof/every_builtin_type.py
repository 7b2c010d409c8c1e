# sys.getsizeof of one object of (nearly) every builtin type, as CPython 3.11
# reports them: iterators, views, descriptors, method kinds, exceptions,
# struct sequences, namespaces, unions.
import sys, types, gc, weakref
def g(): yield 1
def f(): pass
class C:
    def m(self): pass
objs = {
 "union": int | str,
 "simplens": types.SimpleNamespace(a=1), "simplens_empty": types.SimpleNamespace(),
 "dict_keys": {}.keys(), "dict_values": {}.values(), "dict_items": {}.items(),
 "dict_keyiter": iter({}), "dict_valueiter": iter({}.values()), "dict_itemiter": iter({}.items()),
 "rev_dictiter": reversed({}), "rev_dictvals": reversed({}.values()),
 "list_iter": iter([]), "list_rev": reversed([]), "tuple_iter": iter(()), "set_iter": iter(set()),
 "str_iter": iter(""), "str_iter_u": iter("\u1234"), "bytes_iter": iter(b""), "bytearray_iter": iter(bytearray()),
 "range_iter": iter(range(3)), "callable_iter": iter(f, 1), "seq_iter": iter(types.SimpleNamespace.__dict__ and [1].__class__.__mro__),
 "enumerate": enumerate([]), "zip": zip(), "map": map(f, []), "filter": filter(None, []), "reversed_seq": reversed("ab"),
 "gen": g(), "frame": sys._getframe(), "code": f.__code__, "cell": (lambda x: (lambda: x))(1).__closure__[0],
 "method": C().m, "builtin_method": [].append, "method_wrapper": object().__str__, "wrapper_desc": object.__init__,
 "method_desc": str.join, "classmethod_desc": dict.__dict__["fromkeys"], "getset": C.__dict__["__dict__"],
 "member": type("S", (), {"__slots__": ("a",)}).__dict__["a"], "property": property(), "staticmethod": staticmethod(f), "classmethod": classmethod(f),
 "super": super(C, C()), "module": sys, "mappingproxy": C.__dict__, "weakref": weakref.ref(C), "proxy": weakref.proxy(C()),
 "slice": slice(1, 2), "ellipsis": ..., "notimpl": NotImplemented, "none": None, "type": C, "object": object(),
 "memoryview": memoryview(b""), "EG": ExceptionGroup("x", [ValueError()]), "BEG": BaseExceptionGroup("x", [KeyboardInterrupt()]),
 "stopiter": StopIteration(), "oserror": OSError(), "syntaxerr": SyntaxError(), "importerr": ImportError(), "unicodeerr": UnicodeDecodeError("utf-8", b"x", 0, 1, "r"),
 "attrerr": AttributeError(), "nameerr": NameError(), "sysexit": SystemExit(), "keyerr": KeyError(),
 "tb": None, "frozenset": frozenset(), "complex": 1j, "bool": True, "float": 1.0,
 "version_info": sys.version_info, "flags": sys.flags, "float_info": sys.float_info, "hash_info": sys.hash_info,
 "int_info": sys.int_info, "thread_info": getattr(sys, "thread_info", None), "sys_impl": sys.implementation,
 "longrange_iter": iter(range(2**70)),
}
try: raise ValueError
except ValueError as e: objs["tb"] = e.__traceback__
for k, v in objs.items():
    print(k, type(v).__name__, sys.getsizeof(v))
print(sys.thread_info[:2], type(sys.thread_info.version).__name__, sys.thread_info.version.startswith("NPTL"))
