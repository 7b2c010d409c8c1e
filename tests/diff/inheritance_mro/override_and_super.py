class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + "!!!"

class Cat(Animal):
    sound = "meow"
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives

pets = [Dog("rex"), Puppy("bit"), Cat("tom")]
for p in pets:
    print(p, p.speak())
print(pets[2].lives)
print(Puppy.__bases__, Puppy.__base__)
print(super(Puppy, pets[1]).speak())
