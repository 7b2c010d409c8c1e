import sys

lst = [1, 2, 3]
print(sys.getrefcount(lst))
it = iter(lst)
print(sys.getrefcount(lst))
next(it)
print(sys.getrefcount(lst))
for _ in it:
    pass
# An exhausted list iterator drops its reference to the list.
print(sys.getrefcount(lst))

d = {"a": 1}
keys = iter(d)
print(sys.getrefcount(d))
del keys
print(sys.getrefcount(d))

for x in lst:
    print(sys.getrefcount(lst))
    break
print(sys.getrefcount(lst))
