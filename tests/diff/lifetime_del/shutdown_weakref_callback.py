# A weak reference callback is the only code that can run when the cycle
# below is freed at interpreter exit.
import weakref

class Node:
    pass

holder = []

def make(name):
    n = Node()
    n.name = name
    n.me = n
    # The weak reference lives as long as the program's list: its callback
    # can run when the node dies.
    holder.append(weakref.ref(n, lambda w, name=name: print("callback for", name)))
    return n

x = make("x")
y = make("y")
del y
print("alive:", [r() is not None for r in holder])
print("end of program")
