# frame.clear() drops the locals a traceback keeps alive; a running frame
# cannot be cleared.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def fail():
    big = Noisy("big local")
    raise ValueError("x")

try:
    fail()
except ValueError as e:
    saved = e

fr = saved.__traceback__.tb_next.tb_frame
print("before clear:", sorted(fr.f_locals))
fr.clear()
print("after clear:", fr.f_locals)
del fr, saved
print("--")

import sys
def running():
    f = sys._getframe()
    try:
        f.clear()
    except RuntimeError as err:
        print("RuntimeError:", err)
running()

# clearing a suspended generator's frame closes the generator
def gen():
    res = Noisy("generator local")
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
g = gen()
next(g)
g.gi_frame.clear()
print("after clear:", g.gi_frame, list(g))

def selfclear():
    yield me.gi_frame.clear()
me = selfclear()
try:
    next(me)
except RuntimeError as err:
    print("RuntimeError:", err)
