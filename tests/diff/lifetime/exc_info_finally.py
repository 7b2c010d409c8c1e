# sys.exc_info() inside finally: the exception being propagated is not
# "handled" there; inside a finally run from an except block it is.
import sys

def cur(label):
    print(label, repr(sys.exc_info()[1]))

def f():
    try:
        raise ValueError("in try")
    finally:
        cur("finally while propagating:")

try:
    f()
except ValueError:
    cur("caught:")

try:
    pass
finally:
    cur("finally normal:")

try:
    raise KeyError("a")
except KeyError:
    try:
        pass
    finally:
        cur("finally inside handler:")

def g():
    try:
        return 1
    finally:
        cur("finally on return:")
g()

try:
    try:
        raise TypeError("t")
    except TypeError:
        cur("handler:")
        raise
    finally:
        cur("finally after re-raise:")
except TypeError:
    cur("outer:")
cur("end:")
