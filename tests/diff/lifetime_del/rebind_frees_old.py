class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

x = Noisy("first")
print("rebinding x")
x = Noisy("second")
print("rebound")
d = {}
d["k"] = Noisy("value1")
print("overwriting key")
d["k"] = Noisy("value2")
print("popping")
d.pop("k")
print("done")
