# The only finalizer in this program is a __del__ given to a class after
# it was made: the collection at interpreter exit must still run it for
# the instances left in cycles.
class Node:
    pass

def make(name):
    n = Node()
    n.name = name
    n.me = n          # a cycle: only a collection frees it
    return n

a = make("a")
b = make("b")
print("made", a.name, b.name)
Node.__del__ = lambda self: print("del", self.name)
del b
print("end of program")
