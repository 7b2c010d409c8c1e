# Reference counts of an exception object while it is raised and handled:
# the handler's name, the interpreter's "being handled" slot, the traceback
# frames; and after the handler.
import sys

class E(Exception):
    pass

err = E("x")
print(sys.getrefcount(err))
try:
    raise err
except E as e:
    print("in handler:", sys.getrefcount(err))
    print(sys.exc_info()[1] is err, sys.getrefcount(err))
print("after handler:", sys.getrefcount(err))
print(err.__traceback__ is not None)
err.__traceback__ = None

try:
    raise err
except E:
    print("handler without name:", sys.getrefcount(err))
    try:
        raise err
    except E:
        print("nested, same object:", sys.getrefcount(err))
    print("back in outer:", sys.getrefcount(err))
print("after:", sys.getrefcount(err))

def raiser():
    raise err

def catcher():
    try:
        raiser()
    except E as caught:
        return sys.getrefcount(caught)
print("in a function's handler:", catcher())
print("after:", sys.getrefcount(err))
err.__traceback__ = None
print("traceback dropped:", sys.getrefcount(err))
