# A generator's frame: its locals while suspended (gi_frame.f_locals), the
# line it waits on, and gi_frame None once it finished.
import sys

def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield total
    done = True

g = gen(3)
print(g.gi_frame is not None, g.gi_running)
print(g.gi_frame.f_locals)
next(g)
print(sorted(g.gi_frame.f_locals.items()))
print("waiting at line", g.gi_frame.f_lineno)
next(g)
print(sorted(g.gi_frame.f_locals.items()))
print(list(g))
print(g.gi_frame)

# an object held only by a suspended generator's local lives as long as it
data = [1, 2]
def holder(x):
    yield len(x)
    yield len(x)
h = holder(data)
print(sys.getrefcount(data))
next(h)
print(sys.getrefcount(data))
list(h)
print(sys.getrefcount(data))

# gi_running is True only inside the generator
def watch():
    yield me.gi_running
me = watch()
print(next(me), me.gi_running)
