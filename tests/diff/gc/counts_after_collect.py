# Allocation counts right after a full collection (which empties CPython's
# free lists): creating a class, defining a function, calling a class or a
# type that has no vectorcall (an argument tuple), print and max (their
# argument tuples).
import gc

gc.disable()
results = []

def measure(label, f):
    gc.collect()
    a = gc.get_count()
    f()
    b = gc.get_count()
    results.append((label, b[0] - a[0]))

def make_class():
    class N:
        pass

def make_class_with_methods():
    class M:
        x = 1
        def f(self):
            return self
        def g(self):
            return self
    return M

Base = make_class_with_methods()

def make_subclass():
    class S(Base):
        pass

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

print("first print")
measure("class", make_class)
measure("class with methods", make_class_with_methods)
measure("subclass", make_subclass)
measure("def", lambda: (lambda: 0))
measure("instance, 2 args", lambda: Point(1, 2))
measure("instance, keywords", lambda: Point(x=1, y=2))
measure("type() with 3 args", lambda: type("X", (), {}))
measure("int from str", lambda: int("5"))
measure("str of int", lambda: str(5))
measure("list of tuple", lambda: list((1,)))
measure("print", lambda: print("x"))
measure("print 2 args", lambda: print("a", "b"))
measure("print no args", lambda: print())
measure("max of 2", lambda: max(1, 2))
measure("min of list", lambda: min([3, 4]))
for label, n in results:
    print(label, n)
