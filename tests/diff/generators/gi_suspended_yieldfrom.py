# gi_suspended and gi_yieldfrom through a generator's life: created,
# running, suspended at a plain yield and inside `yield from`, finished,
# and delegating to a non-generator iterator.
def inner():
    yield "i1"
    yield "i2"


def outer(box):
    me = box[0]
    print("running:", me.gi_running, me.gi_suspended, me.gi_yieldfrom)
    yield "o1"
    yield from inner()
    yield from [10, 20]
    yield "o2"


box = []
g = outer(box)
box.append(g)
print("created:", g.gi_suspended, g.gi_yieldfrom)
for v in g:
    yf = g.gi_yieldfrom
    print(v, g.gi_suspended, type(yf).__name__, yf.gi_frame is not None if hasattr(yf, "gi_frame") else None)
print("finished:", g.gi_suspended, g.gi_yieldfrom, g.gi_frame)

def delegate_closed():
    yield from inner()

d = delegate_closed()
next(d)
sub = d.gi_yieldfrom
print(sub.__name__, sub.gi_suspended)
d.close()
print(sub.gi_suspended, sub.gi_frame, d.gi_yieldfrom)
