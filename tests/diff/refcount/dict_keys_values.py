import sys

key = (1, 2, str(3))  # built at run time: constants carry extra references
val = [0]
print(sys.getrefcount(key), sys.getrefcount(val))
d = {key: val}
print(sys.getrefcount(key), sys.getrefcount(val))
d[key] = val
print(sys.getrefcount(key), sys.getrefcount(val))
d2 = dict(d)
print(sys.getrefcount(key), sys.getrefcount(val))
del d[key]
print(sys.getrefcount(key), sys.getrefcount(val))
d2.pop(key)
print(sys.getrefcount(key), sys.getrefcount(val))
s = {key}
print(sys.getrefcount(key))
s.discard(key)
print(sys.getrefcount(key))
