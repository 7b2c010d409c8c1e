class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        print("hash", self.k)
        return 1  # all collide
    def __eq__(self, other):
        print("eq", self.k, other.k)
        return self.k == other.k

d = {}
d[Key("a")] = 1
d[Key("b")] = 2
print(len(d))
print(d[Key("b")])
print(hash(Key("z")))

class NegOne:
    def __hash__(self):
        return -1

print(hash(NegOne()))
print(hash(-1), hash(-2), hash(0), hash(True), hash(2.0), hash(1.5))
