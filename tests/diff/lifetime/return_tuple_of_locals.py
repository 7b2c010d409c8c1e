# Returning several locals in a tuple: the tuple keeps them, the frame's own
# references go at return, and counts show it.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def pair():
    first = Noisy("first")
    second = Noisy("second")
    dropped = Noisy("dropped")
    return first, second

t = pair()
print("tuple made")
print(sys.getrefcount(t[0]), sys.getrefcount(t[1]))
a, b = t
print(sys.getrefcount(a), sys.getrefcount(b))
del t
print(sys.getrefcount(a), sys.getrefcount(b))
del a
print("a gone")
b = None
print("end")
