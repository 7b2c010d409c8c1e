# C.__dict__ is a read-only mappingproxy: a new one each time (tracked,
# counted), reads go to the class dict, CPython's errors, repr, str, |,
# comparisons; types.MappingProxyType over any mapping; every class has
# __doc__ in its namespace.
import sys, gc, types
class C:
    x = 1
    def f(self): pass
p = C.__dict__
print(type(p), type(p).__name__, type(p).__module__)
print(repr(type(p)))
print(C.__dict__ is C.__dict__, C.__dict__ == C.__dict__)
print(list(p.keys()))
print(p['x'], p.get('x'), p.get('zz'), p.get('zz', 5), 'x' in p, 'zz' in p, len(p))
print(sys.getsizeof(p), gc.is_tracked(p), gc.get_referents(p)[0] is vars(C), vars(C) == p)
try: p['y'] = 1
except TypeError as e: print(e)
try: del p['x']
except TypeError as e: print(e)
try: p['zz']
except KeyError as e: print(repr(e))
try: p.x = 1
except AttributeError as e: print(e)
try: hash(p)
except TypeError as e: print(e)
print(type(p.copy()), p.copy() == dict(p), type(p.keys()), type(p.items()), type(p.values()))
print(list(iter(p))[:2], list(reversed(p))[:2])
print(type(p | {'a': 1}), ({'a': 1} | p)['a'])
print(str(types.MappingProxyType({'a': 1})), repr(types.MappingProxyType({})))
m = types.MappingProxyType({'a': 1})
print(m == {'a': 1}, m != {'a': 2}, {'a': 1} == m)
try: types.MappingProxyType([1])
except TypeError as e: print(e)
try: types.MappingProxyType()
except TypeError as e: print(e)
print(sorted(n for n in dir(p) if not n.startswith('__')))
try: p |= {}
except TypeError as e: print(e)
print(isinstance(p, types.MappingProxyType), bool(types.MappingProxyType({})))
gc.disable()
gc.collect(); a = gc.get_count()[0]; q = C.__dict__; b = gc.get_count()[0]; del q; c = gc.get_count()[0]
print(b - a, c - b)
print(types.FunctionType, types.MethodType, types.SimpleNamespace, types.GeneratorType, types.ModuleType, types.BuiltinFunctionType, types.LambdaType, types.CodeType, types.FrameType, types.TracebackType, types.NoneType, types.BuiltinMethodType)
ns = types.SimpleNamespace(a=1, b=2)
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b=2), ns != types.SimpleNamespace(a=1))
ns.c = ns
print(ns)
print(types.NotImplementedType, types.EllipsisType, types.MappingProxyType)
d = {'k': 1}
mp = types.MappingProxyType(d)
d['j'] = 2
print(mp, len(mp), list(mp.items()))
print(gc.get_referents(mp)[0] is d, sys.getrefcount(d))
print(vars(C)['x'], type(vars(C)), C.__dict__['f'].__name__)
print('__doc__' in C.__dict__, C.__dict__['__doc__'])
class E(Exception): pass
print(list(E.__dict__))
