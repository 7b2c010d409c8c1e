"""Names for the interpreter's built-in types (refscope's types module).

Each name is the type of an object of that kind, found by making one.
"""

import sys


def _function():
    pass


FunctionType = type(_function)
LambdaType = type(lambda: None)
CodeType = type(_function.__code__)
MappingProxyType = type(type.__dict__)
ModuleType = type(sys)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)
UnionType = type(int | str)
GenericAlias = type(list[int])


def _generator():
    yield 1


GeneratorType = type(_generator())


class _C:
    def _method(self):
        pass


MethodType = type(_C()._method)

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(_e.__traceback__.tb_frame)
    del _e


SimpleNamespace = type(sys.implementation)

del sys, _function, _generator, _C
