import sys

def show_context():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise IndexError("b")
    except IndexError as e:
        return f"{type(e).__name__}({e}) context={type(e.__context__).__name__}({e.__context__})"

print(show_context())

try:
    raise ValueError("v")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.exc_info())

def handler():
    try:
        raise RuntimeError("inside")
    except RuntimeError:
        return sys.exc_info()[0].__name__

print(handler(), sys.exc_info()[0])
