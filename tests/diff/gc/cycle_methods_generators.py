# Cycles through bound methods and generators.
import gc
gc.collect()

class Button:
    def __init__(self):
        self.handler = self.click
    def click(self):
        return "clicked"

b = Button()
print(b.handler())
del b
print("bound method stored on its instance:", gc.collect())

def gen():
    me = yield 1
    yield me

g = gen()
print(next(g))
print(g.send(g) is g)
del g
print("generator holding itself in a local:", gc.collect())

def counter():
    i = 0
    while True:
        yield i
        i += 1

c = counter()
holder = [c]
c.holder = None if False else None
next(c)
holder.append(holder)
del c, holder
print("list with a suspended generator and itself:", gc.collect())
