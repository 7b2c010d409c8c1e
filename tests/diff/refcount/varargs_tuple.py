# print(), max() and min() hold their positional arguments in a tuple while
# they run (CPython 3.11): a __str__ or a key function sees one more
# reference; a class call's arguments likewise.
import sys

class Shown:
    def __str__(self):
        return "refs while printed: %d" % sys.getrefcount(self)

s = Shown()
print(s)
print("alone:", sys.getrefcount(s))

box = []
def key(v):
    print("key sees", sys.getrefcount(box))
    return 0
print(max(box, [1], key=key) is box)
print(min(box, [1], key=key) is box)
print("after:", sys.getrefcount(box))

class Holder:
    def __init__(self, x):
        print("in __init__:", sys.getrefcount(x))
Holder(box)
