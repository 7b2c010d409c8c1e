# What special methods see (sys.getrefcount of self and arguments) when called
# by builtin types and functions: vectorcall types borrow, tp_call types hold a
# tuple, _PyObject_LookupSpecial callers hold a bound method, keyword calls unpack.
import sys

class K:
    def __index__(self):
        print("index", sys.getrefcount(self)); return 3
    def __int__(self):
        print("int", sys.getrefcount(self)); return 3
    def __float__(self):
        print("float", sys.getrefcount(self)); return 3.0
    def __complex__(self):
        print("complex", sys.getrefcount(self)); return 3j
    def __bytes__(self):
        print("bytes", sys.getrefcount(self)); return b"k"
    def __str__(self):
        print("str", sys.getrefcount(self)); return "k"
    def __repr__(self):
        print("repr", sys.getrefcount(self)); return "K"
    def __bool__(self):
        print("bool", sys.getrefcount(self)); return True
    def __iter__(self):
        print("iter", sys.getrefcount(self)); return iter((1, 2))
    def __reversed__(self):
        print("reversed", sys.getrefcount(self)); return iter(())
    def __len__(self):
        print("len", sys.getrefcount(self)); return 2

k = K()
for name, f in [("bool", bool), ("float", float), ("int", int), ("complex", complex), ("str", str), ("bytes", bytes),
                ("list", list), ("tuple", tuple), ("set", set), ("frozenset", frozenset), ("range", range),
                ("enumerate", enumerate), ("reversed", reversed), ("zip", zip), ("bytearray", bytearray),
                ("iter", iter), ("repr", repr), ("len", len), ("sorted", sorted), ("ascii", ascii), ("hex", hex), ("abs", abs if False else None)]:
    if f is None:
        continue
    print("--", name)
    f(k)
print("-- map"); list(map(str, k))
print("-- filter"); list(filter(None, k))
print("-- dict"); 
class M:
    def keys(self):
        print("keys", sys.getrefcount(self)); return []
m = M()
dict(m)
