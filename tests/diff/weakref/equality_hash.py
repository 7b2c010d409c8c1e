# Equality of weak references: by the referents while both live, by
# identity once either is dead. Hash: the referent's, kept after death.
import weakref

class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __hash__(self):
        return hash(self.v)

a, b, c = K(1), K(1), K(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print(ra == rb, ra != rb, ra == rc, ra != rc)
print(hash(ra) == hash(1), hash(ra) == hash(rb))
print(ra == a, ra == 1)
try:
    ra < rb
except TypeError as e:
    print("TypeError", e)
h = hash(ra)
del a
print(ra == rb, ra == ra, ra != rb)
print(hash(ra) == h)
# Never hashed while alive: hashing a dead ref fails.
del b
try:
    hash(rb)
except TypeError as e:
    print("TypeError", e)
d = {rc: "c"}
print(d[weakref.ref(c)])
