class Adder:
    def __init__(self, base):
        self.base = base
    def __call__(self, x, *more, scale=1):
        return (self.base + x + sum(more)) * scale

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2, 3])))

class NotCallable:
    pass

try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
