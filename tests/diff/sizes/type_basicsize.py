# type.__basicsize__ and __itemsize__: the fixed part of an instance and the
# size of each item of a variable-size one, as CPython 3.11 lays them out
# (a class adds its __slots__, a weak reference slot, a dict slot for
# variable-size bases).
import sys
class A: pass
class S: __slots__ = ('a', 'b')
class W: __slots__ = ('a', '__weakref__')
class I(int): pass
class T(tuple): pass
class L(list): pass
class D(dict): pass
class E(Exception): pass
class St(str): pass
class F(float): pass
class M(type): pass
def g(): yield 1
types = [object, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice, type, type(None), type(len), type(g), type(g()), property, staticmethod, classmethod, super, type(sys), Exception, ValueError, OSError, SyntaxError, StopIteration, KeyError, type(iter([])), type(iter(())), type(iter(range(3))), enumerate, zip, map, filter, reversed, type(sys.version_info), type(sys.float_info), type({}.keys()), type(A.__dict__), type([].append), type(A().__init__) if False else type(len), A, S, W, I, T, L, D, E, St, F, M]
for t in types:
    print(t.__name__, t.__basicsize__, t.__itemsize__)
