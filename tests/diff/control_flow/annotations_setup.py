# A module or class gets __annotations__ when any annotated assignment in
# its own scope needs it: a non-simple target (a.x: int) counts, and so does
# one inside a match case or other nested block; a function body's does not.
class A:
    pass


a = A()
a.x: int = 1
print("__annotations__" in globals(), __annotations__)


class B:
    match 3:
        case 3:
            y: int = 2
    for i in range(1):
        z: str


print(B.__annotations__, B.y)


class C:
    (w): int = 5


print(C.__annotations__)


class D:
    def f(self):
        q: int = 1
        return q


print("__annotations__" in D.__dict__)
match 1:
    case 1:
        m: float = 2.0
print(__annotations__)
