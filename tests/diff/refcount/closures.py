import sys

def make():
    data = []
    def inner():
        return data
    print(sys.getrefcount(data))
    return inner, data

f, d = make()
print(sys.getrefcount(d))
g = f
print(sys.getrefcount(d))
del f, g
print(sys.getrefcount(d))

def make2():
    data = {}
    fs = [lambda: data for _ in range(3)]
    return fs, data

fs, d2 = make2()
print(sys.getrefcount(d2))
del fs
print(sys.getrefcount(d2))
