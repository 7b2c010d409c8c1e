class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, P) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))

a, b = P(1, 2), P(1, 2)
print(a == b, a is b, hash(a) == hash(b))
s = {a, b, P(2, 3)}
print(len(s))
d = {a: "first"}
d[b] = "second"
print(len(d), d[P(1, 2)])

class OnlyEq:
    def __eq__(self, other):
        return True

print(OnlyEq.__hash__)
try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass

x = Plain()
print(hash(x) == hash(x), x == x, x != Plain())
