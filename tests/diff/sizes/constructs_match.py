# match statements, for the code-shape corpus (tests/codeshape).
import sys


def literal(x):
    match x:
        case 1:
            return "one"
        case "a" | "b":
            return "ab"
        case None:
            return "none"
        case _:
            return "other"


def sequences(x):
    match x:
        case []:
            return 0
        case [a]:
            return a
        case [a, b, *rest]:
            return a, b, rest
        case (1, 2):
            return "12"


def mappings(x):
    match x:
        case {"k": v}:
            return v
        case {"a": 1, **rest}:
            return rest
        case {}:
            return "empty"


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def classes(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return y
        case Point(x, y) if x == y:
            return "diag"
        case int() | float() as n:
            return n
        case str(s):
            return s
    return None


for f in (literal, sequences, mappings, classes):
    c = f.__code__
    print(f.__name__, sys.getsizeof(c), c.co_stacksize)
print(literal(1), sequences([1, 2, 3]), mappings({"k": 2}), classes(Point(1, 1)))
