def g():
    yield 1

gen = g()
print(gen.gi_running, gen.gi_frame is not None)
next(gen)
try:
    next(gen)
except StopIteration:
    pass
print(gen.gi_frame)
print(gen.__name__, gen.__qualname__)

def reentrant():
    yield next(me)

me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(iter(gen) is gen)
