# A suspended generator in a reference cycle is closed by the collector:
# its finally block runs during gc.collect().
import gc

class Holder:
    def __del__(self):
        print("Holder freed")

def gen(holder):
    try:
        yield 1
        yield 2
    finally:
        print("gen finally, holder alive:", holder is not None)

gc.collect()
h = Holder()
g = gen(h)
next(g)
h.g = g          # holder -> generator -> frame -> holder
del h, g
print("cycle dropped")
n = gc.collect()
print("collected something:", n > 0)

# a generator that refers to itself through its own frame
def selfref():
    me = yield
    try:
        yield "got me"
    finally:
        print("selfref finally")

g = selfref()
next(g)
print(g.send(g))
del g
print("before collect")
print(gc.collect() > 0)
print("end")
