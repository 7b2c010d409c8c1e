# Leaving an except block unbinds `e`; the exception, its traceback and the
# frames' locals die right there, unless something else keeps the exception.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def fail(tag):
    obj = Noisy(tag)
    raise RuntimeError(tag)

print("-- plain except block")
try:
    fail("one")
except RuntimeError:
    print("in handler")
print("after handler")

print("-- except as e")
try:
    fail("two")
except RuntimeError as e:
    print("in handler", e)
print("after handler")

print("-- del e inside handler")
try:
    fail("three")
except RuntimeError as e:
    del e
    print("deleted e, still handling")
print("after handler")

print("-- saved in a list")
keep = []
try:
    fail("four")
except RuntimeError as e:
    keep.append(e)
print("after handler, kept", len(keep))
keep.clear()
print("cleared")

print("-- exception cleared with __traceback__ = None")
try:
    fail("five")
except RuntimeError as e:
    saved = e
saved.__traceback__ = None
print("traceback dropped")
del saved
print("end")
