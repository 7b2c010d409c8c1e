# Allocation counts of exceptions right after a full collection: the
# argument tuple a class call makes becomes the exception's args; a raise
# materializes frame objects for the traceback (and the caller's, as
# f_back, when the frame outlives its call); super().__init__ makes a new
# args tuple.
import gc
import sys

gc.disable()
results = []

def measure(label, f):
    gc.collect()
    a = gc.get_count()
    f()
    b = gc.get_count()
    results.append((label, b[0] - a[0]))

class Tagged(Exception):
    def __init__(self, tag):
        super().__init__(tag)
        self.tag = tag

class Plain(Exception):
    pass

def raiser():
    try:
        raise KeyError("k")
    except KeyError as e:
        return e

def frame_of():
    return sys._getframe()

kept = []
measure("ValueError(1)", lambda: ValueError(1))
measure("ValueError()", lambda: ValueError())
measure("Exception(1, 2)", lambda: Exception(1, 2))
measure("subclass", lambda: Plain(1))
measure("subclass with __init__", lambda: Tagged("x"))
measure("kept", lambda: kept.append(ValueError(1)))
measure("raised and returned", raiser)
measure("raised and kept", lambda: kept.append(raiser()))
measure("_getframe kept", lambda: kept.append(frame_of()))
for label, n in results:
    print(label, n)
try:
    ValueError(x=1)
except TypeError as e:
    print(e)
