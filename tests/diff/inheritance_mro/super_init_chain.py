class Base:
    def __init__(self, **kw):
        print("Base.__init__", sorted(kw))
        self.base = True

class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left.__init__", left)
        super().__init__(**kw)

class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right.__init__", right)
        super().__init__(**kw)

class Child(Left, Right):
    def __init__(self):
        print("Child.__init__")
        super().__init__(left=1, right=2)

c = Child()
print(c.base)
print(super(Left, c).__init__.__qualname__)
