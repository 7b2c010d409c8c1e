import sys

item = []
print(sys.getrefcount(item))
lst = [item, item, item]
print(sys.getrefcount(item))
tup = (item,)
print(sys.getrefcount(item))
d = {"a": item, "b": item}
print(sys.getrefcount(item))
d["a"] = None
print(sys.getrefcount(item))
lst.pop()
print(sys.getrefcount(item))
lst.clear()
print(sys.getrefcount(item))
del tup
print(sys.getrefcount(item))
d.clear()
print(sys.getrefcount(item))
