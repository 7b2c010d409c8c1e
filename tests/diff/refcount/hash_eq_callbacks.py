# References held on a key while set and dict operations call its __hash__
# and __eq__, seen with sys.getrefcount from inside those methods.
import sys


class Probe:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        print("  hash", self.name, sys.getrefcount(self))
        return 1

    def __eq__(self, other):
        print("  eq", self.name, sys.getrefcount(self), sys.getrefcount(other))
        return self.name == other.name


def show(label):
    print(label)


s = set()
show("set.add new")
s.add(Probe("a"))
show("set.add equal")
s.add(Probe("a"))
show("set in")
print(Probe("a") in s)
show("set.discard")
s.discard(Probe("b"))
show("set.remove")
s.remove(Probe("a"))
print(len(s))

d = {}
show("dict setitem new")
d[Probe("k")] = 1
show("dict setitem equal")
d[Probe("k")] = 2
show("dict getitem")
print(d[Probe("k")])
show("dict in")
print(Probe("k") in d)
show("dict.get")
print(d.get(Probe("k")))
show("dict.setdefault existing")
print(d.setdefault(Probe("k"), 3))
show("dict.setdefault new")
print(d.setdefault(Probe("n"), 4))
show("dict.pop")
print(d.pop(Probe("k")))
show("dict delitem")
del d[Probe("n")]
print(len(d))
