class N:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return N(-self.v)
    def __pos__(self):
        return N(self.v + 100)
    def __invert__(self):
        return N(~self.v)
    def __bool__(self):
        print("__bool__ called")
        return self.v != 0
    def __abs__(self):
        return N(abs(self.v))

n = N(5)
print((-n).v, (+n).v, (~n).v, abs(N(-3)).v)
print(not n)
print(not N(0))
if N(1):
    print("truthy")
print(bool(N(0)))

class L:
    def __len__(self):
        return 0

print(bool(L()), not L())
