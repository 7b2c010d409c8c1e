# Exceptions copy through BaseException.__reduce__ and __setstate__.
import copy

e = ValueError("bad value", 42)
e.note = ["extra"]
print(e.__reduce__())
c = copy.copy(e)
print(type(c).__name__, c.args, c.note is e.note, c is e)
d = copy.deepcopy(e)
print(d.args, d.note, d.note is e.note)
print(ValueError().__reduce__(), KeyError("k").__reduce__())
print(copy.copy(KeyError("missing")).args, str(copy.deepcopy(ZeroDivisionError("z"))))

class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code

a = AppError(7)
b = copy.deepcopy(a)
print(type(b).__name__, b.args, b.code)

class TwoArgs(Exception):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

try:
    copy.copy(TwoArgs(1, 2))
except TypeError as err:
    print("TypeError", err)

s = ValueError("s")
s.__setstate__({"a": 1, "b": 2})
print(s.a, s.b)
s.__setstate__(None)
try:
    s.__setstate__(5)
except TypeError as err:
    print("TypeError", err)
