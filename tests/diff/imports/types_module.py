# The types module: each name is the type of such an object; SimpleNamespace.
import types, sys

def f():
    yield 1

class C:
    def m(self):
        pass

print(types.FunctionType is type(f), types.LambdaType is type(lambda: 0))
print(types.GeneratorType is type(f()), types.MethodType is type(C().m))
print(types.ModuleType is type(sys), types.BuiltinFunctionType is type(len))
print(types.BuiltinMethodType is type([].append), types.CodeType is type(f.__code__))
print(types.NoneType is type(None), types.NotImplementedType, types.EllipsisType)
print(types.MappingProxyType is type(C.__dict__))
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e.__traceback__) is types.TracebackType, type(e.__traceback__.tb_frame) is types.FrameType)
print(types.FunctionType.__name__, types.MethodType.__name__, types.SimpleNamespace.__name__)
ns = types.SimpleNamespace(b=2, a=1)
print(ns, ns.a, ns.b)
ns.c = [3]
print(ns, vars(ns))
del ns.b
print(ns, ns == types.SimpleNamespace(a=1, c=[3]), ns != types.SimpleNamespace(a=1))
print(types.SimpleNamespace(y=2), types.SimpleNamespace())
try:
    types.SimpleNamespace({"x": 1})
except TypeError as e:
    print(e)
ns.me = ns
print(ns)
print(types.SimpleNamespace.__hash__ is None)
m = types.MappingProxyType({"k": [1]})
print(m["k"], m.get("z", 0), list(m), len(m))
