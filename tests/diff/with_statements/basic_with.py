class Resource:
    def __init__(self, name):
        self.name = name
        print("init", name)
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc_value, tb):
        print("exit", self.name, exc_type)
        return None

with Resource("r1") as r:
    print("using", r.name)
print("after")
with Resource("r2"):
    print("no as target")
