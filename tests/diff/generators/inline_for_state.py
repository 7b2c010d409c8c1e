# Observable state of generators resumed by for loops: gi_running,
# gi_frame, gi_yieldfrom, f_back, running itself, refcounts, break and
# close, recursion limit, collections during iteration.
import sys
import gc

def me():
    g = yield
    print("running:", g.gi_running, g.gi_frame is sys._getframe())
    print("f_back is caller:", sys._getframe().f_back.f_code.co_name)
    try:
        for x in g:
            pass
    except ValueError as e:
        print("ValueError:", e)
    yield 1

def caller():
    g = me()
    next(g)
    print(g.send(g))

caller()

def backs():
    f = sys._getframe()
    yield f.f_back.f_code.co_name
    yield f.f_back.f_code.co_name
    yield f.f_back is None

def loop_here():
    return [v for v in backs()] + [v for v in map(str, backs())]

print(loop_here())
print(list(backs()))

def counts(obj):
    for i in range(3):
        yield obj
        print("in gen:", sys.getrefcount(obj))

token = object()
for t in counts(token):
    print("yielded:", sys.getrefcount(t), sys.getrefcount(token))

def selfref():
    g = yield
    for i in range(2):
        print("gen count:", sys.getrefcount(g))
        yield i

def sr():
    g = selfref()
    next(g)
    g.send(g)
    print("outside:", sys.getrefcount(g))
    for v in g:
        print("v", v, sys.getrefcount(g))
sr()

class Obj:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

def holds():
    a = Obj("local")
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")

for v in holds():
    print("v", v)
    break
print("after break")

def finished_locals():
    a = Obj("ended")
    yield 1
    print("last resume")

for v in finished_locals():
    print("loop", v)
print("loop done")

def deleg():
    x = yield from holds()
    yield x

g = deleg()
for v in g:
    print("suspended at:", g.gi_frame.f_lineno, g.gi_running)
    break
del g
print("deleted")

def deep(n):
    if n == 0:
        yield 0
    else:
        for v in deep(n - 1):
            yield v + 1

sys.setrecursionlimit(200)
print(list(deep(50)))
try:
    for v in deep(500):
        pass
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)

class Node:
    def __init__(self):
        self.me = self
        self.gen = None

def cyc():
    for i in range(5):
        n = Node()
        n.other = [n, {"k": n}]
        del n
        yield gc.collect()

print([c for c in cyc()])
for c in cyc():
    print("collected", c)
