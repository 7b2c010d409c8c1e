import sys

elem = object()
lst = []
print(sys.getrefcount(elem))
lst.append(elem)
lst.insert(0, elem)
lst.extend([elem, elem])
print(sys.getrefcount(elem))
lst[0] = None
print(sys.getrefcount(elem))
lst.remove(elem)
print(sys.getrefcount(elem))
copy = lst[:]
print(sys.getrefcount(elem))
lst.reverse()
lst.sort(key=id)
print(sys.getrefcount(elem))
del copy
print(sys.getrefcount(elem))
lst *= 0
print(sys.getrefcount(elem), lst)
