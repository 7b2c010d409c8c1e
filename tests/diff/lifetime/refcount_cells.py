# A closure variable lives in a cell: the cell holds the object once, the
# functions hold the cell; counts of object and cell as CPython reports them.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def outer():
    x = []
    def a():
        return x
    def b():
        return x
    print("inside:", sys.getrefcount(x))
    return a, b

a, b = outer()
x = a()
print(sys.getrefcount(x))
cell = a.__closure__[0]
print(cell is b.__closure__[0])
print(sys.getrefcount(cell))
del a
print(sys.getrefcount(cell))
del b
print(sys.getrefcount(cell))
print(cell.cell_contents is x)
del cell
print(sys.getrefcount(x))

def counter():
    n = Noisy("captured")
    def get():
        return n.name
    return get
g = counter()
print(g())
g2 = g
del g
print("one name left")
del g2
print("end")

# rebinding the captured name in the outer function changes what the closure sees
def rebind():
    v = Noisy("first value")
    def look():
        return v.name
    v = Noisy("second value")
    return look
f = rebind()
print(f())
del f
print("done")
