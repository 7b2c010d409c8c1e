# Code objects with try/except* have CPython 3.11's size and stack depth
# (sys.getsizeof of the code and of a running frame depend on both).
import sys

def one():
    try:
        x = 1
    except* ValueError:
        pass

def named_two():
    try:
        x = 1
    except* ValueError as e:
        print(e)
    except* (TypeError, KeyError) as e2:
        y = 2

def else_finally():
    try:
        x = 1
    except* ValueError:
        pass
    else:
        z = 3
    finally:
        w = 4

def in_loop():
    for i in range(3):
        try:
            x = 1
        except* ValueError as e:
            for j in e.exceptions:
                print(j)

def in_while(n):
    while n:
        n -= 1
        try:
            if n == 2:
                raise ExceptionGroup("w", [ValueError(n)])
        except* ValueError:
            n -= 1
        except* TypeError as t:
            raise
    return n

def nested():
    try:
        try:
            x = 1
        except* ValueError as inner:
            raise KeyError
    except* KeyError:
        try:
            pass
        except ValueError:
            pass

def gen():
    try:
        yield 1
    except* ValueError as e:
        yield e

def frame_size():
    try:
        raise ExceptionGroup("f", [ValueError()])
    except* ValueError:
        return_value = sys.getsizeof(sys._getframe())
    return return_value

for f in (one, named_two, else_finally, in_loop, in_while, nested, gen):
    c = f.__code__
    print(f.__name__, sys.getsizeof(c), c.co_stacksize)
print("frame", frame_size())
print("in_while", in_while(5))
mod = compile("try:\n    a = 1\nexcept* ValueError as e:\n    b = e\nexcept* TypeError:\n    pass\n", "<m>", "exec")
print("module", sys.getsizeof(mod), mod.co_stacksize)
cls = compile("class C:\n    try:\n        a = 1\n    except* ValueError:\n        pass\n", "<c>", "exec")
print("class", [ (sys.getsizeof(k), k.co_stacksize) for k in cls.co_consts if hasattr(k, "co_code") or type(k).__name__ == "code"])
