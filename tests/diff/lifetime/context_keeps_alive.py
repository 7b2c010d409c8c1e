# An exception raised while another is handled keeps it as __context__, and
# with it the first one's traceback, frames and locals.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def first():
    local1 = Noisy("local of first")
    raise KeyError("first")

def second():
    local2 = Noisy("local of second")
    try:
        first()
    except KeyError:
        raise ValueError("second")

try:
    second()
except ValueError as e:
    saved = e
print("saved; context:", repr(saved.__context__))
ctx = saved.__context__
saved.__context__ = None
print("context detached, still named")
del ctx
print("context released")
del saved
print("--")

# raise ... from ...: __cause__ keeps the cause alive, and __context__ too
try:
    try:
        first()
    except KeyError as k:
        raise RuntimeError("wrapped") from k
except RuntimeError as e:
    kept = e
print(kept.__cause__ is kept.__context__, kept.__suppress_context__)
del kept
print("--")

# raise ... from None hides but keeps the context
try:
    try:
        first()
    except KeyError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    kept = e
print(kept.__cause__, kept.__suppress_context__, type(kept.__context__).__name__)
del kept
print("end")
