import sys

a = []
b = [a]
a.append(b)  # Now a contains b, b contains a
print(sys.getrefcount(a))
print(sys.getrefcount(b))
print(a[0] is b, b[0] is a)
print(a)
print(b)
del a
print(sys.getrefcount(b))
print(b[0][0] is b)
