# Sizes of copies follow the way copy builds them.
import copy, sys
g = sys.getsizeof

l = list(range(10))
print(g(l), g(copy.copy(l)), g(copy.deepcopy(l)))
d = {i: i for i in range(10)}
print(g(d), g(copy.copy(d)), g(copy.deepcopy(d)))
s = set(range(10))
print(g(s), g(copy.copy(s)), g(copy.deepcopy(s)))
ba = bytearray(b"abcdef")
ba.extend(b"gh")
print(g(ba), g(copy.copy(ba)), g(copy.deepcopy(ba)))

class L(list):
    pass

x = L(range(9))
print(g(x), g(copy.copy(x)), g(copy.deepcopy(x)))
