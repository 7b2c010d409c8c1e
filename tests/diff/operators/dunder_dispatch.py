class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x})"
    def __add__(self, other):
        print("V.__add__")
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        print("V.__radd__")
        return V(other + self.x)
    def __mul__(self, k):
        return V(self.x * k)
    def __neg__(self):
        return V(-self.x)
    def __sub__(self, other):
        return V(self.x - other.x)

a, b = V(1), V(2)
print(a + b)
print(a + 10)
print(10 + a)
print(a * 3)
print(-a)
print(b - a)
print(sum([V(1), V(2)], V(0)))
print(sum([V(1), V(2)]))
