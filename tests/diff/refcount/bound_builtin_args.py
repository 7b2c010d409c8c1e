# References to self and to the arguments of bound builtin methods, seen
# from Python code the method calls back: called directly, through a
# method-wrapper, by map, and with keywords.
import sys


class Probe:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        print("  hash", self.name, sys.getrefcount(self))
        return 1

    def __eq__(self, other):
        print("  eq", self.name, sys.getrefcount(self), sys.getrefcount(other), sys.getrefcount(lst))
        return False


lst = [Probe("item")]

print("bound count")
f = lst.count
print(f(Probe("arg")))

print("bound count, named argument")
x = Probe("named")
print(f(x), sys.getrefcount(x))

print("method-wrapper __contains__")
g = lst.__contains__
print(g(Probe("arg")))

print("method-wrapper __eq__")
h = Probe("self").__eq__
print(h(Probe("other")))

print("map over a bound method")
print(list(map(lst.count, [Probe("m")])))

print("bound dict.get")
d = {}
print(d.get(Probe("g")))
get = d.get
print(get(Probe("g2")))

print("bound set.add")
s = set()
add = s.add
add(Probe("a"))
add(Probe("b"))


def key(v):
    print("  key", sys.getrefcount(key), sys.getrefcount(nums))
    return v


print("bound sort with keywords")
nums = [2, 1]
srt = nums.sort
srt(key=key, reverse=True)
print(nums)
print("sorted with a bound key")
print(sorted([1, 2], key=nums.count))
