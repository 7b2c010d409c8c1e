# What object.__reduce_ex__ returns, as copy sees it.
import copy, copyreg

class C:
    pass

c = C()
r = c.__reduce_ex__(4)
print(len(r), r[0] is copyreg.__newobj__, r[1], r[2:])
c.a = 1
r = c.__reduce_ex__(2)
print(r[1], r[2], r[2] is c.__dict__)
r = c.__reduce_ex__(1)
print(r[0] is copyreg._reconstructor, r[1], r[2])
r = c.__reduce__()
print(r[0] is copyreg._reconstructor, r[1:])
e = C().__reduce_ex__(0)
print(len(e), e[1])

class Custom:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        print("Custom.__reduce__")
        return (Custom, (self.v * 2,))

x = Custom(21)
print(x.__reduce_ex__(4))
print(copy.copy(x).v, copy.deepcopy(x).v)

class ReduceEx:
    def __reduce_ex__(self, proto):
        print("proto", proto)
        return (list, ([1, 2],))

print(copy.copy(ReduceEx()), copy.deepcopy(ReduceEx()))

class Named:
    def __reduce__(self):
        return "Named"

n = Named()
print(copy.copy(n) is n, copy.deepcopy(n) is n)

for bad in [lambda: c.__reduce_ex__(), lambda: c.__reduce_ex__("x"), lambda: c.__reduce__(1), lambda: c.__getstate__(1)]:
    try:
        bad()
    except TypeError as err:
        print("TypeError", err)
