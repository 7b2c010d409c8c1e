class Ctx:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
    def __exit__(self, *a):
        print("exit", self.n)

def f():
    with Ctx(1):
        return "returned"

print(f())
for i in range(3):
    with Ctx(i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
print("done")
