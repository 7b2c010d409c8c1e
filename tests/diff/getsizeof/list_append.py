# A list grown by append over-allocates as CPython's list_resize does.
import sys
l = []
sizes = []
for i in range(70):
    sizes.append(sys.getsizeof(l))
    l.append(i)
print(sizes)
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2, 3]), sys.getsizeof([None] * 7))
