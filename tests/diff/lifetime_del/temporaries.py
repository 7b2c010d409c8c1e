class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)
    def value(self):
        return self.name.upper()

print("start")
print(Noisy("temp").value())
print("after temp")
Noisy("unused")
print("after expression statement")
x = [Noisy("in list")][0].name
print("got", x)
