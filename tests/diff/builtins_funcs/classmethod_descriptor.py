# A builtin type's class methods are classmethod_descriptor objects (not
# classmethod): repr, size, attributes, and calling one with the class first.
import sys
d = dict.__dict__["fromkeys"]
print(type(d).__name__, repr(d), sys.getsizeof(d))
print(d.__name__, d.__qualname__, d.__objclass__ is dict)
print(d(dict, "ab"), d.__get__(None, dict)("xy", 0))
class D(dict):
    pass
print(type(d(D, "a")).__name__, D.fromkeys("q"), type(D.fromkeys("q")).__name__)
try:
    d(list, "a")
except TypeError as e:
    print(e)
try:
    d()
except TypeError as e:
    print(e)
try:
    d(5)
except TypeError as e:
    print(e)
print(isinstance(d, classmethod), callable(d))
print(type(bytes.__dict__["fromhex"]).__name__, int.__dict__["from_bytes"])
print(repr(dict.fromkeys).split(" at ")[0], type(dict.fromkeys).__name__)
try:
    type(d)()
except TypeError as e:
    print(e)
