class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("C.__eq__")
        return NotImplemented
    def __lt__(self, other):
        print("C.__lt__", self.v, other.v)
        return self.v < other.v

a, b = C(1), C(2)
print(a == b)
print(a == a)
print(a != b)
print(a < b)
print(a > b)
try:
    print(a <= b)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 < "x")
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", None == 0, [] == ())
