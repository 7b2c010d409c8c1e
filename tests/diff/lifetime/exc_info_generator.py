# A generator resumed inside a handler sees the caller's handled exception;
# a handler inside the generator is its own while the generator runs.
import sys

def cur():
    return repr(sys.exc_info()[1])

def gen():
    print("g start", cur())
    yield 1
    print("g resumed", cur())
    try:
        raise KeyError("in gen")
    except KeyError:
        print("g handler", cur())
        yield 2
        print("g handler resumed", cur())
    print("g after handler", cur())
    yield 3

g = gen()
next(g)
try:
    raise ValueError("caller")
except ValueError:
    print("caller", cur())
    print(next(g))
    print("caller after yield 2", cur())
print("outside", cur())
print(next(g))
print("outside again", cur())
