# types.SimpleNamespace as CPython's C type: its size (40, a subclass 48),
# its dict as its only referent, no weak references (a subclass has them),
# repr with recursion, comparisons through the dicts, copy and deepcopy
# (__reduce__), and sys.implementation being one.
import types, sys, gc, weakref, copy
print(repr(types.SimpleNamespace.__doc__)); print(list(types.SimpleNamespace.__dict__))
n=types.SimpleNamespace(a=1); n.n=n; print(n, n.__reduce__())
class S(types.SimpleNamespace): pass
s=S(x=1); print(s, sys.getsizeof(s), gc.get_referents(s), gc.get_referents(n), gc.is_tracked(types.SimpleNamespace()))
print(list(S.__dict__))
try: types.SimpleNamespace(1)
except TypeError as e: print(e)
try: types.SimpleNamespace(**{1:2})
except TypeError as e: print(e)
try: weakref.ref(types.SimpleNamespace())
except TypeError as e: print(e)
print(weakref.ref(s)() is s)
print(types.SimpleNamespace(a=1)==types.SimpleNamespace(a=1), S(a=1)==types.SimpleNamespace(a=1), types.SimpleNamespace.__init__, types.SimpleNamespace.__dict__['__dict__'])
print(sys.implementation.name, type(sys.implementation), sys.getsizeof(sys.implementation))
c = copy.deepcopy(n); print(c, c is not n, c.n is c)
print(copy.copy(s), type(copy.copy(s)))
n2 = types.SimpleNamespace(b=2); del n2.b; print(n2, vars(n2))
try: del n2.zz
except AttributeError as e: print(e)
try: types.SimpleNamespace() < types.SimpleNamespace()
except TypeError as e: print(e)
try: hash(types.SimpleNamespace())
except TypeError as e: print(e)
print(types.SimpleNamespace.__name__, types.SimpleNamespace.__qualname__, types.SimpleNamespace.__module__, types.SimpleNamespace)
x = types.SimpleNamespace(); x.__dict__ = {'q': 1}; print(x)
print(sys.getrefcount(x.__dict__))
