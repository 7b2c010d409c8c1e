# Exception objects: the base layout and the subclasses with extra fields.
import sys
g = sys.getsizeof
print([g(e) for e in (Exception(), ValueError("x"), KeyError(), StopIteration(), SystemExit(),
                      ImportError(), OSError(), FileNotFoundError(), SyntaxError(),
                      AttributeError(), NameError(), ZeroDivisionError())])
class MyError(Exception):
    pass
class MyValueError(ValueError):
    pass
print(g(MyError()), g(MyValueError("bad")))
try:
    1 / 0
except ZeroDivisionError as e:
    print(g(e), g(e.__traceback__))
