def f(x=1,*,k=2): pass
for n,v in [("__defaults__",1),("__kwdefaults__",1),("__name__",1),("__qualname__",1),("__code__",1),("__annotations__",1),("__globals__",{}),("__closure__",None),("__doc__",5),("__module__",5)]:
    try: setattr(f,n,v); print(n,"ok",getattr(f,n))
    except Exception as e: print(n,type(e).__name__,e)
for n in ["__defaults__","__kwdefaults__","__name__","__qualname__","__code__","__annotations__","__globals__","__closure__","__doc__","__module__"]:
    try: delattr(f,n); print("del",n,"ok",repr(getattr(f,n,"MISSING")))
    except Exception as e: print("del",n,type(e).__name__,e)
print(f.__dict__)
def g(): pass
f.__code__ = g.__code__; f.__name__="nm"; f.__defaults__=(3,); print(f.__name__, f.__defaults__, f())
def mk():
    z=1
    def h(): return z
    return h
try: f.__code__ = mk().__code__
except ValueError as e: print(e)
