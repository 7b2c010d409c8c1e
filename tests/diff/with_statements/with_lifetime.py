import sys

class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return [self.name]
    def __exit__(self, *a):
        print("exit", self.name)
    def __del__(self):
        print("free", self.name)

with CM("temp") as value:
    print("in block", value)
print("after block; value survives:", value)

cm = CM("named")
print(sys.getrefcount(cm))
with cm:
    print(sys.getrefcount(cm))
print(sys.getrefcount(cm))
del cm
print("end")
