# A special method set to None in the class: what each builtin that looks it
# up (as CPython's _PyObject_LookupSpecial) does with it.
import math, sys
class A:
    __reversed__ = None
    __format__ = None
    __bytes__ = None
    __round__ = None
    __floor__ = None
    __length_hint__ = None
    __dir__ = None
    __sizeof__ = None
    __complex__ = None
    def __len__(self): return 2
    def __getitem__(self, i):
        if i < 2: return i
        raise IndexError
    def __iter__(self): return iter([1])
for name, f in [("reversed", reversed), ("format", format), ("bytes", bytes), ("round", round), ("floor", math.floor), ("list", list), ("dir", dir), ("getsizeof", sys.getsizeof), ("complex", complex)]:
    try:
        r = f(A())
        print(name, "ok", type(r).__name__)
    except Exception as e:
        print(name, type(e).__name__, e)
class B:
    __length_hint__ = None
    def __iter__(self): return iter([1])
try:
    print(list(B()))
except Exception as e:
    print("hint", type(e).__name__, e)
