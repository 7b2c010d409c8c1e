# Nested handlers: the inner exception is reported while it is handled, the
# outer one again once the inner handler ends.
import sys

def cur():
    v = sys.exc_info()[1]
    return repr(v)

try:
    raise ValueError("outer")
except ValueError:
    print(1, cur())
    try:
        raise TypeError("inner")
    except TypeError:
        print(2, cur())
        try:
            raise KeyError("innermost")
        except KeyError:
            print(3, cur())
        print(4, cur())
    print(5, cur())
print(6, cur())

# an exception raised in a handler has the handled one as __context__
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(7, cur(), repr(e.__context__))
print(8, cur())

# a handled exception swallowed by return inside a function
def swallow():
    try:
        raise OSError("io")
    except OSError:
        print(9, cur())
        return "returned"

print(swallow(), cur())
