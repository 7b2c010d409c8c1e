# Subclasses of immutable builtins rebuild through __getnewargs__.
import copy

class MyInt(int):
    pass

class MyStr(str):
    def shout(self):
        return self.upper()

class MyTuple(tuple):
    pass

class MyFloat(float):
    pass

i = MyInt(7)
i.tag = "t"
ci = copy.copy(i)
print(type(ci).__name__, ci, ci.tag, ci is i)
s = MyStr("abc")
ds = copy.deepcopy(s)
print(type(ds).__name__, ds, ds.shout(), ds is s)
t = MyTuple(([1], 2))
dt = copy.deepcopy(t)
print(type(dt).__name__, dt, dt[0] is t[0])
print(copy.copy(MyFloat(1.5)))
print((5).__getnewargs__(), "x".__getnewargs__(), (1.5).__getnewargs__(), (1, 2).__getnewargs__(), (1 + 2j).__getnewargs__(), b"b".__getnewargs__())

class WithArgs:
    def __new__(cls, a, b):
        print("new", a, b)
        self = object.__new__(cls)
        self.a, self.b = a, b
        return self
    def __getnewargs__(self):
        return (self.a, self.b)

w = WithArgs(1, [2])
w2 = copy.deepcopy(w)
print(w2.a, w2.b, w2.b is w.b)

class WithKw:
    def __new__(cls, *, key):
        print("new key", key)
        self = object.__new__(cls)
        self.key = key
        return self
    def __getnewargs_ex__(self):
        return ((), {"key": self.key})

k = copy.copy(WithKw(key=3))
print(k.key)
print(WithKw(key=1).__reduce_ex__(2)[0].__name__)
