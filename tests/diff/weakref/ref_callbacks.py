# Callbacks run when the referent dies, with the (now dead) weak reference.
import weakref

class Node:
    pass

log = []
def cb(wr):
    log.append(("cb", wr() is None))
    print("callback got a dead ref:", wr() is None, wr is r)

n = Node()
r = weakref.ref(n, cb)
print("before del")
del n
print("after del", log)
# The callback is called once only and is dropped afterwards.
print(r.__callback__)
# A callback-less ref reports None as its __callback__.
m = Node()
print(weakref.ref(m).__callback__)
f = lambda w: None
rr = weakref.ref(m, f)
print(rr.__callback__ is f)
