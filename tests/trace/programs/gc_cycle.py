import gc


# __slots__: the reference tracer (cpython_tracer.py) reads instances'
# attributes through __dict__, which in CPython 3.11 makes the dict of an
# instance that has none yet; gc.collect() would then find those dicts too.
class Node:
    __slots__ = ("name", "other")

    def __init__(self, name):
        self.name = name
        self.other = None


def make_pair():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a
    return a


p = make_pair()
keep = [p]
del p
keep.pop()
found = gc.collect()
loop = []
loop.append(loop)
del loop
again = gc.collect()
print(found, again)
