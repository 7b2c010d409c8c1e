class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

def f():
    a = D("a")
    b = D("b")
    c = D("c")
    print("returning")

f()
print("after f")
x = D("x")
x = D("y")
print("reassigned")
lst = [D("l0"), D("l1")]
lst[0] = None
print("slot replaced")
lst = None
print("end")
