class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("collected", self.name)

x = Tracked("x")  # reference count = 1
y = x             # reference count = 2
print("del y")
del y             # reference count = 1
print("del x")
del x             # reference count = 0 -> freed right now
print("after del x")
