# Slot methods of builtin types are `wrapper_descriptor`s, bound ones
# `method-wrapper`s; ordinary builtin methods are `method_descriptor`s and
# bound `builtin_function_or_method`s, as in CPython.
import sys
import types
import weakref


def short(o):
    return repr(o).split(" at 0x")[0]


for o in (int.__add__, object.__init__, str.__dict__["__add__"], list.__len__, dict.__getitem__, list.__getitem__,
          dict.__contains__, set.__contains__, object.__repr__, type.__call__, list.append, str.join):
    print(short(o), type(o).__name__, o.__objclass__.__name__, o.__name__, o.__qualname__, sys.getsizeof(o))

for o in ((1).__add__, object().__init__, "a".__add__, [].__len__, {}.__getitem__, [].__getitem__, [].append, "".join):
    print(short(o), type(o).__name__, type(o.__self__).__name__, o.__name__, o.__qualname__, sys.getsizeof(o))
    print("  objclass:", getattr(o, "__objclass__", "missing"))

print(types.WrapperDescriptorType is type(int.__add__), types.MethodWrapperType is type((1).__add__),
      types.MethodDescriptorType is type(list.append), types.BuiltinMethodType is type([].append))
print(type(int.__add__), type((1).__add__), type(list.append), type([].append))
print(int.__add__(2, 3), (2).__add__(3), int.__add__ is int.__add__, (2).__add__ == (2).__add__)
print(callable(int.__add__), callable((1).__add__))
for o in (int.__add__, (1).__add__, list.append):
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
try:
    type(int.__add__)()
except TypeError as e:
    print(e)
