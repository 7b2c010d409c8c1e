# Reference counts seen inside generators driven by `yield from` (SEND)
# and by for loops, and of values passed through.
import sys

def inner():
    me = yield "first"
    print("inner sees itself:", sys.getrefcount(me))
    v = yield "second"
    print("inner got:", v, sys.getrefcount(v))
    return "inner result"

def outer():
    r = yield from inner_gen
    print("outer got:", r)
    yield "outer done"

inner_gen = inner()
o = outer()
print(next(o))
print(o.send(inner_gen))
payload = ["payload"]
print(o.send(payload))
print(sys.getrefcount(payload), sys.getrefcount(inner_gen), sys.getrefcount(o))
del inner_gen

def numbers():
    x = object()
    for i in range(2):
        yield x
        print("after yield:", sys.getrefcount(x))

for v in numbers():
    print("loop value:", sys.getrefcount(v))
def chain():
    yield from numbers()
for v in chain():
    print("chained value:", sys.getrefcount(v))
