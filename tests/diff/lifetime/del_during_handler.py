# A finalizer that runs while an exception is handled sees it in
# sys.exc_info(), and does not disturb it.
import sys

class Watcher:
    def __del__(self):
        print("__del__ sees", repr(sys.exc_info()[1]))
        try:
            raise KeyError("inside __del__")
        except KeyError:
            pass

try:
    raise ValueError("outer")
except ValueError:
    w = Watcher()
    del w
    print("handler still has", repr(sys.exc_info()[1]))
w = Watcher()
del w

def gen():
    w = Watcher()
    yield 1
g = gen()
next(g)
try:
    raise TypeError("while generator freed")
except TypeError:
    del g
    print("after", repr(sys.exc_info()[1]))
