class C:
    @classmethod
    def cm(cls, x):
        return (cls.__name__, x)
    @staticmethod
    def sm(x):
        return x + 1

print(C.cm(1), C().cm(2), C.sm(1), C().sm(2))
raw_cm = C.__dict__["cm"]
raw_sm = C.__dict__["sm"]
print(type(raw_cm).__name__, type(raw_sm).__name__)
print(raw_sm.__func__(10), raw_cm.__func__(C, 3))
bound = C.cm
print(bound.__self__ is C, type(bound).__name__)

class D(C):
    pass

print(D.cm(5))
print(callable(raw_sm))
