class A:
    x = 5
    y = x * 2
    items = [x for _ in range(2)] if False else None
    def get(self):
        return self.x

print(A.y, A().get())

def factory(val):
    class Local:
        attr = val
        def show(self):
            return val
    return Local

L = factory("captured")
print(L.attr, L().show(), L.__qualname__)

class B:
    a = 1
    try:
        b = [a + i for i in range(3)]
    except NameError as e:
        b = "NameError: " + str(e)

print(B.b)
