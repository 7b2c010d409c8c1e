# Exceptions in generators resumed by for loops: tracebacks with line
# numbers, StopIteration raised inside (RuntimeError), exceptions caught
# around the loop, sys.exc_info() inside the generator.
import sys

def bad(n):
    for i in range(n):
        yield i
    raise ValueError("bad at end")

def relay(src):
    for v in src:
        yield v + 1

def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
        tb = e.__traceback__
        while tb is not None:
            print("  ", tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti > 0)
            tb = tb.tb_next
        print("  context:", repr(e.__context__), "cause:", repr(e.__cause__))

def run1():
    for v in relay(bad(3)):
        print("v", v)

show(run1)

def stops():
    yield 1
    raise StopIteration("inner")

def run2():
    for v in stops():
        print("s", v)

show(run2)

def zero():
    yield 1 // 0

def run3():
    for v in relay(zero()):
        print(v)

show(run3)

def peek():
    print("in gen:", sys.exc_info()[0])
    try:
        raise KeyError("k")
    except KeyError:
        print("gen handling:", sys.exc_info()[0])
        yield 1
        print("gen handling after yield:", sys.exc_info()[0])
    print("gen after:", sys.exc_info()[0])
    yield 2

try:
    raise TypeError("outer")
except TypeError:
    for v in peek():
        print("loop sees:", v, sys.exc_info()[0])
    print("after loop:", sys.exc_info()[0])

for v in peek():
    print("plain loop sees:", v, sys.exc_info()[0])

def reraiser():
    try:
        yield 1
    finally:
        print("reraiser finally")

def run4():
    for v in reraiser():
        raise OSError("from loop body")

show(run4)

def uncaught():
    for v in relay(bad(1)):
        pass

uncaught()
