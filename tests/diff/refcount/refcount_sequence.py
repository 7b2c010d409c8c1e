import sys

obj = [None]
counts = []
names = []
for i in range(5):
    names.append(obj)
    counts.append(sys.getrefcount(obj))
print(counts)
while names:
    names.pop()
    counts.append(sys.getrefcount(obj))
print(counts[5:])
