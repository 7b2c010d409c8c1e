# The examples of README's "How memory works in refscope".
class Noisy:
    def __del__(self):
        print("freed")

a = Noisy()
b = a
del a
print("after del a")
b = None
print("after b = None")

import gc
class Node:
    pass
x = Node(); y = Node()
x.other = y; y.other = x
del x, y
print(gc.collect())
print(gc.is_tracked({}))
print(gc.is_tracked({1: []}))
seen = []
cb = lambda phase, info: seen.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(seen)

# Constants' references (the code's constants, the parser's) and interned
# strings (the intern table does not count).
import sys
x = 1000
print(sys.getrefcount(x))
def f():
    return "two words"
print(sys.getrefcount(f()))
s = sys.intern("".join(["in", "terned"]))
print(sys.getrefcount(s))
