# References held during a call of a bound builtin method (self is passed
# borrowed in CPython) and during set.add's hashing, seen from Python code
# called back.
import sys

lst = [3, 1, 2]


def key(v):
    print("key", v, sys.getrefcount(lst))
    return v


f = lst.sort
f(key=key)


class Probe:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        print("hash", self.name, sys.getrefcount(self))
        return 1


s = set()
s.add(Probe("s"))
print(len(s))
