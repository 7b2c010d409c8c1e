# BaseExceptionGroup / ExceptionGroup (PEP 654): construction, the class
# __new__ chooses, argument errors, message/exceptions, str and repr.
import sys

eg = ExceptionGroup("many", [ValueError(1), TypeError(2)])
print(type(eg).__name__, repr(eg), str(eg))
print(eg.message, eg.exceptions, eg.args, type(eg.args[1]).__name__)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("x", [ValueError(), SystemExit()])).__name__)
print(str(ExceptionGroup("one", [ValueError()])), str(ExceptionGroup("", (ValueError(),))))
print(repr(BaseExceptionGroup("t", (KeyError("k"),))))

print("-- the exceptions tuple")
t = (ValueError(1), KeyError(2))
print(ExceptionGroup("t", t).exceptions is t)
l = [ValueError(1)]
g = ExceptionGroup("l", l)
l.append(TypeError())
print(g.exceptions, g.args[1] is l)
print(ExceptionGroup("gen", [ValueError(i) for i in range(3)]).exceptions)

print("-- classes")
print(BaseExceptionGroup.__mro__)
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, ExceptionGroup.__base__, ExceptionGroup.__module__, ExceptionGroup.__qualname__)
print(list(BaseExceptionGroup.__dict__))
print(list(ExceptionGroup.__dict__), ExceptionGroup.__doc__)
print(BaseExceptionGroup.__doc__)
print(BaseExceptionGroup.message, BaseExceptionGroup.exceptions, BaseExceptionGroup.split)
print(BaseExceptionGroup.message.__doc__, BaseExceptionGroup.exceptions.__doc__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(ExceptionGroup[int], BaseExceptionGroup[ValueError])
print(isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))

print("-- argument errors")
cases = [(), ("a",), (1, [ValueError()]), ("a", 1), ("a", []), ("a", ()), ("a", [1]),
         ("a", [ValueError(), "x"]), ("a", [ValueError()], 3), ("a", ValueError()),
         ("a", "abc"), ("a", {1: 2}), ("a", {ValueError()}), (b"a", [ValueError()]),
         ("a", [ValueError])]
for args in cases:
    for cls in (BaseExceptionGroup, ExceptionGroup):
        try:
            cls(*args)
            print("made", cls.__name__, args)
        except Exception as e:
            print(cls.__name__, type(e).__name__, e)
try:
    ExceptionGroup("a", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
for kw in [{"x": 1}, {"message": "m"}]:
    for cls in (BaseExceptionGroup, ExceptionGroup):
        try:
            cls("a", [ValueError()], **kw)
        except TypeError as e:
            print("TypeError", e)

print("-- subclasses")
class MyEG(ExceptionGroup):
    pass
class MyBEG(BaseExceptionGroup):
    pass
class Both(BaseExceptionGroup, Exception):
    pass
for cls in (MyEG, MyBEG, Both):
    for excs in ([ValueError()], [KeyboardInterrupt()]):
        try:
            e = cls("s", excs)
            print(cls.__name__, type(e).__name__, repr(e))
        except TypeError as err:
            print(cls.__name__, "TypeError", err)

class WithInit(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self
    def __init__(self, message, excs, code):
        super().__init__(message, excs)
w = WithInit("w", [ValueError()], 42)
print(repr(w), w.code, w.args, w.message, str(w))

print("-- read-only fields")
for name in ("message", "exceptions"):
    for op in ("set", "del"):
        try:
            if op == "set":
                setattr(eg, name, 1)
            else:
                delattr(eg, name)
        except AttributeError as e:
            print(name, op, "AttributeError", e)
eg.other = 5
print(eg.other, eg.__dict__)
eg.args = ("changed",)
print(repr(eg), eg.message, str(eg))

print("-- descriptors")
print(BaseExceptionGroup.message.__get__(eg), BaseExceptionGroup.exceptions.__get__(eg))
print(BaseExceptionGroup.__str__(eg))
try:
    BaseExceptionGroup.split(ValueError(), ValueError)
except TypeError as e:
    print("TypeError", e)

print("-- raising and catching groups with except")
try:
    raise ExceptionGroup("raised", [ValueError(1)])
except ExceptionGroup as e:
    print("caught", repr(e), e.__traceback__ is not None)
try:
    raise BaseExceptionGroup("raised", [KeyboardInterrupt()])
except Exception:
    print("not here")
except BaseExceptionGroup as e:
    print("caught base", repr(e))

print("-- notes")
eg2 = ExceptionGroup("noted", [ValueError()])
eg2.add_note("first")
print(eg2.__notes__, eg2.__dict__)
