# sys.exc_info() inside generators resumed inside and outside except blocks,
# nested generators: the generator sees its own handled exception, else the
# resumer's.
import sys
def g():
    while True:
        print("  in gen:", sys.exc_info()[0])
        try:
            raise KeyError("inner")
        except KeyError:
            yield sys.exc_info()[0]
        yield sys.exc_info()[0]
def outer_gen(inner):
    print("  outer sees", sys.exc_info()[0])
    yield next(inner)
    yield next(inner)
it = g()
print(next(it))
try:
    raise ValueError("x")
except ValueError:
    print(next(it))
    print(next(it))
    print("after, handler sees", sys.exc_info()[0])
print(next(it), sys.exc_info()[0])
o = outer_gen(g())
try:
    raise TypeError
except TypeError:
    print(next(o))
print(next(o))
