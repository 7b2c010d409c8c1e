class Base:
    def hello(self):
        return f"Base.hello from {type(self).__name__}"
    @classmethod
    def create(cls):
        return f"Base.create for {cls.__name__}"

class Child(Base):
    def hello(self):
        return "Child+" + super().hello()
    @classmethod
    def create(cls):
        return "Child+" + super().create()

c = Child()
print(c.hello())
print(Child.create())
s = super(Child, c)
print(type(s).__name__, s.hello())
print(super(Child, Child).create())
print(Base.hello(c))

def no_class():
    return super()

try:
    no_class()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(Child, 5)
except TypeError as e:
    print("TypeError:", e)
