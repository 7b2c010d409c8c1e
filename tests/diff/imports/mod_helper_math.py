"""Helper module for the imports tests (not a test itself)."""
print("mod_helper_math is being imported")

PI_ISH = 3.14
counter = 0
shared_list = []


def area(r):
    return PI_ISH * r * r


def bump():
    global counter
    counter += 1
    return counter


class Shape:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Shape({self.name!r})"
