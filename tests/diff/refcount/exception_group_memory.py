# Exception groups in memory: sizes, what a group refers to, reference
# counts before and after split and except*, weak references, and cycles
# through a group that only the collector frees.
import gc, sys, weakref

v, t = ValueError("v"), TypeError("t")
msg = "the message"
base = sys.getrefcount(v), sys.getrefcount(t), sys.getrefcount(msg)
eg = ExceptionGroup(msg, [v, t])
print("sizes", sys.getsizeof(eg), sys.getsizeof(BaseExceptionGroup("b", [KeyboardInterrupt()])))
class Sub(ExceptionGroup):
    pass
print("subclass size", sys.getsizeof(Sub("s", [v])))
print("referents", gc.get_referents(eg))
print("tracked", gc.is_tracked(eg), gc.is_tracked(ExceptionGroup), gc.is_tracked(BaseExceptionGroup))
print("counts", sys.getrefcount(v) - base[0], sys.getrefcount(t) - base[1], sys.getrefcount(msg) - base[2])
print("tuple count", sys.getrefcount(eg.exceptions), "args count", sys.getrefcount(eg.args))
eg.x = 1
print("referents with dict", gc.get_referents(eg))

m, r = eg.split(ValueError)
print("after split", sys.getrefcount(v) - base[0], sys.getrefcount(t) - base[1], sys.getrefcount(msg) - base[2])
del m, r
print("parts gone", sys.getrefcount(v) - base[0], sys.getrefcount(t) - base[1], sys.getrefcount(msg) - base[2])
del eg
print("group gone", sys.getrefcount(v) - base[0], sys.getrefcount(t) - base[1], sys.getrefcount(msg) - base[2])

print("-- weak references")
w = weakref.ref(ExceptionGroup("w", [ValueError()]))
print(w() is None)
try:
    weakref.ref(BaseExceptionGroup("b", [KeyboardInterrupt()]))
except TypeError as e:
    print("TypeError", e)
keep = ExceptionGroup("kept", [ValueError()])
wk = weakref.ref(keep)
print(wk() is keep, weakref.getweakrefcount(keep))
del keep
print(wk())

print("-- except* leaves nothing behind")
leaf1, leaf2 = ValueError(1), TypeError(2)
b1, b2 = sys.getrefcount(leaf1), sys.getrefcount(leaf2)
def handle():
    try:
        raise ExceptionGroup("h", [leaf1, leaf2])
    except* ValueError as e:
        print("  in handler", sys.getrefcount(leaf1) - b1)
    except* TypeError:
        pass
handle()
print("after", sys.getrefcount(leaf1) - b1, sys.getrefcount(leaf2) - b2)
print("tracebacks kept by leaves", leaf1.__traceback__ is None, leaf2.__traceback__ is None)

print("-- a cycle through a group")
gc.collect()
class Node:
    def __del__(self):
        print("  Node freed")
def make_cycle():
    n = Node()
    try:
        raise ExceptionGroup("cyc", [ValueError(n)])
    except ExceptionGroup as e:
        n.err = e
make_cycle()
print("collected", gc.collect() > 0)

print("-- freed at once without a cycle")
class Loud(Exception):
    def __del__(self):
        print("  Loud freed")
g = ExceptionGroup("g", [Loud()])
del g
print("end")
