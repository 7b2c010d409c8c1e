# finalize: its repr (shape only) and an exception raised by a finalizer
# at exit.
import weakref

class Res:
    pass

def shape(s):
    return " ".join("ADDR" if w.startswith("0x") else w.rstrip(">").rstrip(";") if False else w for w in s.replace(">", " >").split())

r = Res()
f = weakref.finalize(r, print, "x")
print([w for w in repr(f).split() if not w.startswith("0x")])
f()
print([w for w in repr(f).split() if not w.startswith("0x")])

def boom():
    raise ValueError("finalizer failed")
keep = Res()
weakref.finalize(keep, boom)
weakref.finalize(keep, print, "after the failing one?")
print("end of main")
