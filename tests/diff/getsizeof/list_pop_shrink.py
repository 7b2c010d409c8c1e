# Popping shrinks the capacity once fewer than half the slots are used.
import sys
l = list(range(100))
sizes = [sys.getsizeof(l)]
while l:
    l.pop()
    sizes.append(sys.getsizeof(l))
print(sizes)
l.append(1)
print(sys.getsizeof(l))
l = list(range(50))
while len(l) > 3:
    l.pop(0)
print(sys.getsizeof(l))
l = list(range(40))
for i in range(30):
    l.remove(i)
print(sys.getsizeof(l))
l = list(range(40))
for i in range(30):
    del l[0]
print(sys.getsizeof(l))
