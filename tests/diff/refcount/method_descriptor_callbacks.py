# References a method descriptor's call holds on its arguments, seen from
# Python code it calls back (a sort key, __eq__, __hash__).
import sys

lst = [3, 1, 2]


def key(v):
    print("key", v, sys.getrefcount(lst))
    return v


lst.sort(key=key)
list.sort(lst, key=key, reverse=True)


class Probe:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print("eq", self.name, sys.getrefcount(self), sys.getrefcount(other))
        return False

    def __hash__(self):
        print("hash", self.name, sys.getrefcount(self))
        return 1


items = [Probe("a"), Probe("b")]
target = Probe("t")
print(items.count(target))
print(items.index(items[1]))
d = {}
d.setdefault(Probe("k"), 1)
d.get(target)
print(len(d))
