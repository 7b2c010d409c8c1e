a = list(range(10))
print(a[2:5], a[::3], a[::-2], a[-3:], a[:-7], a[8:2:-2])
a[2:5] = ["x"]
print(a)
a[1:1] = [100, 200]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del a[::3]
print(a)
b = a[:]
b[0] = "changed"
print(a[0], b[0])
a[len(a):] = [7, 8]
print(a)
a[:] = "xyz"
print(a)
