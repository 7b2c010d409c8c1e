import sys

key = (1, str(2))
s = {key}
print(sys.getrefcount(key))
s.add(key)
print(sys.getrefcount(key))
fs = frozenset(s)
print(sys.getrefcount(key))
s2 = s | fs
print(sys.getrefcount(key))
s.discard(key)
del fs, s2
print(sys.getrefcount(key))
