class C:
    count = 0

    def __init__(self):
        C.count += 1

    def inst(self):
        return f"instance method on {type(self).__name__}"

    @classmethod
    def make(cls):
        return cls()

    @classmethod
    def how_many(cls):
        return cls.count

    @staticmethod
    def util(x):
        return x * 2

c = C()
print(c.inst())
print(C.inst(c))
d = C.make()
print(type(d).__name__, C.how_many(), c.how_many())
print(C.util(4), c.util(5))

class D(C):
    pass

print(type(D.make()).__name__, D.how_many())
print(type(C.__dict__["make"]).__name__, type(C.__dict__["util"]).__name__)
print(type(c.inst).__name__, type(C.inst).__name__, type(C.util).__name__)
