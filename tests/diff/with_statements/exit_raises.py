class Bad:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise KeyError("from exit")

try:
    with Bad():
        raise ValueError("from body")
except KeyError as e:
    print("KeyError", e, "context:", type(e.__context__).__name__, e.__context__)

class Reenter:
    depth = 0
    def __enter__(self):
        Reenter.depth += 1
        return Reenter.depth
    def __exit__(self, *a):
        Reenter.depth -= 1

r = Reenter()
with r as one:
    with r as two:
        print(one, two, Reenter.depth)
print(Reenter.depth)
