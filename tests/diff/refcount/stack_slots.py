import sys

x = []
print(sys.getrefcount(x))
# While a tuple display is being built, x sits on the frame's value stack.
pair = (x, sys.getrefcount(x))
print(pair[1])
print([x, x, sys.getrefcount(x)][2])
# A method call keeps self on the stack while the arguments are evaluated.
x.append(sys.getrefcount(x))
print(x)
del pair

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        return False

cm = CM()
print(sys.getrefcount(cm))
with cm:
    # the bound __exit__ saved by the with statement holds cm
    print(sys.getrefcount(cm))
print(sys.getrefcount(cm))
with cm as same:
    print(sys.getrefcount(cm))
print(sys.getrefcount(cm))
