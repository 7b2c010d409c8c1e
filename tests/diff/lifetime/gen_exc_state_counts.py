# A generator suspended inside an except block keeps the exception it
# handles; the exception dies when the generator finishes or is freed.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

class Tagged(Exception):
    def __init__(self, tag):
        super().__init__(tag)
        self.payload = Noisy(tag)

def gen():
    try:
        raise Tagged("handled in generator")
    except Tagged:
        yield "suspended in handler"
        print("resumed; handling", sys.exc_info()[1].args)
    yield "after handler"

g = gen()
print(next(g))
print("outside:", sys.exc_info())
print(next(g))
print("--")
g = gen()
next(g)
print("dropping suspended generator")
del g
print("--")

def gen2():
    try:
        raise Tagged("second")
    except Tagged as e:
        yield e.args[0]
g = gen2()
print(next(g))
print(list(g))
print("end")
