# except* in generators (yield in a handler, throw), with loops and finally,
# sys.exc_info in and after a handler, chaining, context managers, deep
# recursion through handlers, cycles, and BaseException groups.
import sys
def gen():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield "in value handler"
        yield repr(e)
    except* TypeError as t:
        yield "in type handler " + repr(t)
    yield "after"
print(list(gen()))

def gen2():
    try:
        yield 1
    except* KeyError as k:
        yield ("caught", repr(k))
g = gen2(); next(g)
print(g.throw(KeyError("thrown")))

def nested_finally():
    out = []
    for i in range(3):
        try:
            try:
                raise ExceptionGroup("n", [ValueError(i)])
            except* ValueError:
                for j in range(5):
                    if j == 1:
                        break
                    out.append((i, j))
            finally:
                out.append("fin")
        except Exception as e:
            out.append(repr(e))
    return out
print(nested_finally())

def exc_info_inside():
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* ValueError:
        print("exc_info:", repr(sys.exc_info()[1]))
    print("after:", sys.exc_info())
exc_info_inside()

def chained():
    try:
        try:
            raise ExceptionGroup("inner", [ValueError(1)])
        except* ValueError as e:
            raise RuntimeError("wrapped") from e
    except RuntimeError as r:
        print(repr(r), repr(r.__cause__), repr(r.__context__))
chained()

def with_cm():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a):
            print("exit sees", a[0].__name__ if a[0] else None)
            return False
    try:
        with CM():
            raise ExceptionGroup("cm", [OSError(1)])
    except* OSError as e:
        print("handled", repr(e))
with_cm()

def deep(n):
    if n == 0:
        raise ExceptionGroup("deep", [ValueError(n)])
    try:
        deep(n - 1)
    except* TypeError:
        pass
try:
    deep(50)
except* ValueError as e:
    print("deep ok", len(e.exceptions))
import gc
gc.collect()
class Node:
    pass
def cyc():
    n = Node()
    try:
        raise ExceptionGroup("c", [ValueError(n)])
    except* ValueError as e:
        n.e = e
cyc()
print("collected", gc.collect() > 0)
try:
    try:
        raise ExceptionGroup("ki", [KeyboardInterrupt()])
    except* KeyboardInterrupt:
        print("caught KI part")
        raise
except BaseExceptionGroup as b:
    print(type(b).__name__, repr(b))
