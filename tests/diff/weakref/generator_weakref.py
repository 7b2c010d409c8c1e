# Generators: the weak reference callbacks run before the generator is
# closed (its finally block), as CPython's generator deallocation does.
import weakref

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally")

g = gen()
next(g)
r = weakref.ref(g, lambda w: print("callback"))
del g
print("--")
g2 = gen()
r2 = weakref.ref(g2, lambda w: print("callback 2"))
del g2
print("--")
def f(): pass
rf = weakref.ref(f, lambda w: print("function callback"))
del f
print("end")
