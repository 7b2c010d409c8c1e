class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False

with Ctx("a") as a, Ctx("b") as b:
    print("body", a, b)

with Ctx("outer"):
    with Ctx("inner"):
        print("nested body")

try:
    with Ctx("x"), Ctx("y"):
        raise ValueError("boom")
except ValueError:
    print("caught after both exits")
