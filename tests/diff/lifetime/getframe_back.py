# sys._getframe() and f_back while calls run; a frame object kept after its
# call still knows its caller.
import sys

def who():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_lineno

def caller():
    return who()

print(caller())
print(who())

def keep():
    return sys._getframe()

def via():
    return keep()

fr = via()
print(fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_back.f_back.f_code.co_name)
print(fr.f_back.f_back.f_back)

def lines():
    here = sys._getframe()
    a = here.f_lineno
    b = here.f_lineno
    return b - a
print(lines())

def gen():
    yield sys._getframe().f_back.f_code.co_name
g = gen()
def driver():
    return next(g)
print(driver())
print(g.gi_frame.f_back)
