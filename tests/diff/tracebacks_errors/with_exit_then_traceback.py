class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__, v)
        return False

with Ctx():
    print("inside")
    raise TypeError("not swallowed")
print("unreachable")
