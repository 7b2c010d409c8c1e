class M:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, other):
        return M(self.v * other.v + 1)
    def __rmatmul__(self, other):
        return M(other * 1000 + self.v)
    def __imatmul__(self, other):
        self.v = -1
        return self
    def __truediv__(self, other):
        return "truediv"
    def __floordiv__(self, other):
        return "floordiv"
    def __mod__(self, other):
        return "mod"
    def __pow__(self, other):
        return f"pow {other}"
    def __rpow__(self, other):
        return f"rpow {other}"

a = M(2)
print((a @ M(3)).v)
print((7 @ a).v)
b = a
a @= M(9)
print(a is b, a.v)
print(a / 1, a // 1, a % 1, a ** 2, 2 ** a)
print(pow(a, 3))
