class Base:
    x = "base x"
    def method(self):
        return "base method"

class Mid(Base):
    y = "mid y"

class Leaf(Mid):
    pass

leaf = Leaf()
print(leaf.x, leaf.y, leaf.method())
Base.x = "patched"
print(leaf.x)
Mid.x = "mid override"
print(leaf.x, Base.x)
del Mid.x
print(leaf.x)
Leaf.method = lambda self: "leaf method"
print(leaf.method(), Mid().method())
print("x" in Leaf.__dict__, "x" in Base.__dict__)
