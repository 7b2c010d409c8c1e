class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value  # instance dict now shadows us
        return value

class Data:
    @Lazy
    def expensive(self):
        print("computing")
        return 42

d = Data()
print(d.expensive)
print(d.expensive)
print(d.__dict__)

class Func:
    def method(self):
        return "m"

f = Func()
f.method = lambda: "instance attribute wins over non-data descriptor"
print(f.method())
print(Func.method.__get__(f, Func)())
