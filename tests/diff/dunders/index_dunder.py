class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

i = Idx(2)
print([10, 20, 30][i], "abcdef"[Idx(1):Idx(4)])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print(range(Idx(3)), list(range(Idx(3))))
print([0] * Idx(3))

class IntLike:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5

print(int(IntLike()), float(IntLike()))
try:
    [1, 2][IntLike()]
except TypeError as e:
    print("TypeError:", e)
