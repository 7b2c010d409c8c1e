class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

items = [Noisy(i) for i in range(3)]
print("pop")
items.pop()
print("slice delete")
del items[0]
print("clear list")
items.clear()
print("dict")
d = {"k": Noisy("dict value")}
d["k"] = Noisy("replacement")
print("del dict")
del d
print("done")
