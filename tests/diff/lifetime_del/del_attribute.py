class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

class Holder:
    pass

h = Holder()
h.x = Noisy("attr x")
h.y = Noisy("attr y")
print("del h.x")
del h.x
print("overwrite h.y")
h.y = 5
print("setattr")
setattr(h, "z", Noisy("z"))
delattr(h, "z")
print("end")
