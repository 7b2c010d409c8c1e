# When a call returns, its frame releases the locals in slot order
# (parameters first, then locals in order of first appearance); the
# returned object survives.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def f(p):
    a = Noisy("a")
    b = Noisy("b")
    c = Noisy("c")
    print("returning b")
    return b

r = f(Noisy("param"))
print("got", r.name)
del r
print("--")

def g():
    z = Noisy("z")
    y = Noisy("y")
    x = Noisy("x")
    del y
    print("y deleted early")
    z = Noisy("z2")
    print("returning")

g()
print("--")

# a local rebound in a loop frees the previous value at each rebinding
def loop():
    for i in range(3):
        item = Noisy("item%d" % i)
    print("loop done")
loop()
print("--")

# a lambda's locals, an exception-free early return from a nested block
def early(flag):
    keep = Noisy("keep")
    if flag:
        tmp = Noisy("tmp")
        return "early"
    return "late"
print(early(True))
print(early(False))
