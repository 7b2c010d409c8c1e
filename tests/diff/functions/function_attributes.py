def f(a, b=2, *args, c, d=4, **kw):
    "Docstring here."
    x = 1
    return x

print(f.__name__, f.__qualname__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames)
f.custom = "attr"
print(f.custom, f.__dict__)
print(type(f).__name__, callable(f))

class K:
    def m(self):
        pass
    class Inner:
        def deep(self):
            pass

print(K.m.__qualname__, K.Inner.deep.__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
print(f.__module__)
