# sys.exc_info() reports the exception being handled, (None, None, None) outside.
import sys

def show(label):
    t, v, tb = sys.exc_info()
    print(label, t.__name__ if t else t, v, tb is not None)

show("before")
try:
    raise ValueError("v1")
except ValueError:
    show("in handler")
    t, v, tb = sys.exc_info()
    print("value is tb owner:", v.__traceback__ is tb)
    print("tb line:", tb.tb_lineno)
    del t, v, tb
show("after handler")

try:
    raise KeyError("k")
except KeyError:
    pass
show("after pass handler")

def helper():
    show("called from handler")

try:
    1 / 0
except ZeroDivisionError:
    helper()
show("after")
# sys.exception() (new in 3.11) is the value part of exc_info()
print(sys.exception())
try:
    raise OSError("os")
except OSError:
    print(sys.exception() is sys.exc_info()[1], repr(sys.exception()))
    helper()
print(sys.exc_info() == (None, None, None))
