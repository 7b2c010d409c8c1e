class Dog:
    species = "canis"
    tricks = []  # shared by all instances: a classic trap

    def __init__(self, name):
        self.name = name

    def add_trick(self, t):
        self.tricks.append(t)

a = Dog("rex")
b = Dog("fido")
a.add_trick("roll")
print(b.tricks, a.tricks is b.tricks is Dog.tricks)
a.species = "wolf"
print(a.species, b.species, Dog.species)
del a.species
print(a.species)
Dog.species = "changed"
print(a.species, b.species)
print(sorted(vars(a)), sorted(k for k in vars(Dog) if not k.startswith("__")))
print(a.__dict__)
