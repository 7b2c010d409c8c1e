# WeakMethod keeps a bound method weakly: it dies with the instance or
# with the function.
import weakref

class Greeter:
    def __init__(self, who):
        self.who = who
    def hello(self):
        return "hello " + self.who

g = Greeter("world")
print(weakref.ref(g.hello)())          # a bound method object dies at once
wm = weakref.WeakMethod(g.hello, lambda w: print("method died", w() is None))
m = wm()
print(m(), m == g.hello, type(m).__name__)
del m
print(wm == weakref.WeakMethod(g.hello), wm != weakref.WeakMethod(g.hello))
print(hash(wm) == hash(weakref.WeakMethod(g.hello)))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)
del g
print(wm())
print(isinstance(wm, weakref.ref))
