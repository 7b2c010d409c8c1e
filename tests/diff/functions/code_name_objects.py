# A function's __name__ and __qualname__ are its code object's co_name and
# co_qualname objects (CPython 3.11 makes the function from them), and a
# module-level function's qualname is its name object.
def top():
    pass


class C:
    def method(self):
        pass

    class Inner:
        def deep(self):
            pass


def outer():
    def local():
        pass
    return local


for f in (top, C.method, C.Inner.deep, outer()):
    c = f.__code__
    print(f.__qualname__, f.__name__ is c.co_name, f.__qualname__ is c.co_qualname,
          f.__name__ is f.__qualname__)
