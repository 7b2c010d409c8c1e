class Noisy:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("free", self.name)

a = Noisy("a")
b = a
print("del a")
del a
print("del b")
del b
print("rebind")
c = Noisy("c1")
c = Noisy("c2")
print("end of program")
