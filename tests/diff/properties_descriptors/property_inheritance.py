class Base:
    @property
    def kind(self):
        return "base"
    @property
    def name(self):
        return "name from " + self.kind

class Child(Base):
    @property
    def kind(self):
        return "child"

print(Base().name, Child().name)

class Extended(Base):
    @Base.kind.getter
    def kind(self):
        return "extended " + super().kind

print(Extended().kind)
print(Base.kind is not Extended.kind)
