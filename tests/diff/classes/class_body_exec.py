print("before class")

class Loud:
    print("class body runs at definition")
    value = 10
    for i in range(3):
        value += i
    del i

    def method(self):
        return self.value

print("after class", Loud.value, Loud().method())
print(hasattr(Loud, "i"))

def deco(cls):
    print("decorating", cls.__name__)
    cls.added = True
    return cls

@deco
class Decorated:
    pass

print(Decorated.added)
