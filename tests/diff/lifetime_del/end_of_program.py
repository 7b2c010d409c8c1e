class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

a = Noisy("a")
b = Noisy("b")
c = [Noisy("in list")]
print("program ends; module globals are released at shutdown")
