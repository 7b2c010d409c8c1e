# __copy__ and __deepcopy__ take over.
import copy

class A:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("A.__copy__")
        return A(self.v + 1)
    def __deepcopy__(self, memo):
        print("A.__deepcopy__", type(memo).__name__)
        r = A(copy.deepcopy(self.v, memo))
        r.v.append("deep")
        return r

a = A([0])
b = copy.copy(a)
print(b.v is a.v)
c = copy.deepcopy(a)
print(c.v, a.v)

nested = [a, a]
n2 = copy.deepcopy(nested)
print(n2[0] is n2[1], n2[0] is a)

class Self:
    def __deepcopy__(self, memo):
        return self
    def __copy__(self):
        return self

s = Self()
m = {}
print(copy.deepcopy(s, m) is s, m)
print(copy.copy(s) is s)

class OnlyCopy:
    def __copy__(self):
        return "shallow"

o = OnlyCopy()
print(copy.copy(o))
print(type(copy.deepcopy(o)).__name__)
