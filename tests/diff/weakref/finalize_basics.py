# weakref.finalize: call a function when an object dies, once.
import weakref

class Res:
    pass

r = Res()
f = weakref.finalize(r, print, "cleanup", 1, sep="-")
print(f.alive, f.atexit)
print(f.peek()[1:])
del r
print("after del", f.alive, f.peek(), f())
r2 = Res()
f2 = weakref.finalize(r2, lambda: "result")
print(f2(), f2.alive, f2())
del r2
r3 = Res()
f3 = weakref.finalize(r3, print, "never")
obj, func, args, kwargs = f3.detach()
print(obj is r3, func is print, args, kwargs, f3.alive, f3.detach())
del r3, obj
print("end")
