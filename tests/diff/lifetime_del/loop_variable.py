class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

for i in range(3):
    x = Noisy(i)
    print("made", i)
print("loop done")
del x
print("end")
