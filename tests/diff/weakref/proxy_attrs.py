# A proxy forwards attribute access to its referent.
import weakref

class Obj:
    def __init__(self):
        self.x = 1
    def method(self, y):
        return self.x + y

o = Obj()
p = weakref.proxy(o)
print(p.x, p.method(2))
p.x = 10
print(o.x)
p.new = "n"
print(o.new)
del p.new
print(hasattr(o, "new"))
print(type(p).__name__, type(p) is weakref.ProxyType, p.__class__ is Obj)
print(weakref.proxy(o) is p)
try:
    p.missing
except AttributeError as e:
    print("AttributeError", e)
del o
try:
    p.x
except ReferenceError as e:
    print("ReferenceError", e)
try:
    p.x = 3
except ReferenceError as e:
    print("ReferenceError", e)
