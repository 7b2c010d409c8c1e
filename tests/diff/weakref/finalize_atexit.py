# Finalizers of objects still alive at exit run at shutdown, newest
# first, unless their atexit flag was cleared.
import weakref

class Res:
    def __init__(self, n):
        self.n = n

a, b, c = Res(1), Res(2), Res(3)
weakref.finalize(a, print, "exit a")
fb = weakref.finalize(b, print, "exit b")
fb.atexit = False
weakref.finalize(c, print, "exit c")
weakref.finalize(c, print, "exit c again")
print("main done")
