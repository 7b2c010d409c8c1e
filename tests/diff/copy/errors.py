# What cannot be copied, and copy.Error.
import copy, sys

print(copy.Error is copy.error, issubclass(copy.Error, Exception), copy.Error.__module__)
print(sorted(copy.__all__))

def gen():
    yield 1

g = gen()
for what in (copy.copy, copy.deepcopy):
    for obj in (g, sys):
        try:
            what(obj)
        except TypeError as e:
            print(what.__name__, "TypeError", e)

class NoReduce:
    __reduce_ex__ = None
    __reduce__ = None

try:
    copy.copy(NoReduce())
except copy.Error as e:
    print("Error", e)
try:
    copy.deepcopy(NoReduce())
except copy.Error as e:
    print("Error", e)

class Bad:
    def __reduce_ex__(self, proto):
        raise ValueError("no reduce for you")

try:
    copy.copy(Bad())
except ValueError as e:
    print("ValueError", e)

class BadDeep:
    def __deepcopy__(self, memo):
        raise RuntimeError("deep fail")

try:
    copy.deepcopy([1, BadDeep()])
except RuntimeError as e:
    print("RuntimeError", e)

try:
    copy.deepcopy()
except TypeError as e:
    print("TypeError", e)
