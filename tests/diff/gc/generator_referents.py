# gc.get_referents of a generator shows what CPython's does: its code,
# name and qualname, then (until it finishes) the frame it embeds: the
# frame object only once Python code has seen it, the locals dict if
# locals() made one, the function, the code, the local variables and the
# value stack (a loop's iterator, None for no previous exception); then
# the exception it handles. Also the repr of code and frame objects.
import gc, sys

def show(refs):
    out = []
    for r in refs:
        if type(r).__name__ in ("code", "frame", "function", "range_iterator", "list_iterator"):
            out.append(type(r).__name__ + ":" + getattr(r, "__name__", getattr(r, "co_name", "")))
        else:
            out.append(repr(r))
    print(out)

def g(a):
    b = [a]
    yield b
    for i in range(2):
        yield i
    yield from iter([7, 8])
x = g(10)
show(gc.get_referents(x))
next(x)
show(gc.get_referents(x))
next(x)
show(gc.get_referents(x))
next(x); next(x)
show(gc.get_referents(x))
x.gi_frame
show(gc.get_referents(x))
for _ in x:
    pass
show(gc.get_referents(x))

def h():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
y = h(); next(y)
show(gc.get_referents(y))

def loc():
    q = 5
    locals()
    yield
z = loc(); next(z)
show(gc.get_referents(z))

def f():
    return sys._getframe()
def tail(r):
    # The file's base name, the line and (for a frame) the code's name.
    return [p.strip(" '\"<>").split(" ")[-1].rsplit("/", 1)[-1] if "file" in p else p for p in r.split(",")[1:]]
print(tail(repr(f.__code__)), tail(repr(f())))
print(repr(compile("x", "<s>", "eval")).split(",")[1:], repr((lambda: 0).__code__).split(" ")[2])
