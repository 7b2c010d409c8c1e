# `except E as e` deletes e at the end of the block: a previous binding of the
# name is gone too, and the exception dies unless kept elsewhere.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

class Tagged(Exception):
    def __init__(self, tag):
        super().__init__(tag)
        self.payload = Noisy(tag)

e = Noisy("old binding of e")
try:
    raise Tagged("t1")
except Tagged as e:
    print("handling", e.payload.name)
print("e" in globals())

def f():
    e = "local e"
    try:
        raise Tagged("t2")
    except Tagged as e:
        print("in f handler")
    try:
        return e
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err)
print(f())

# rebinding e inside the block: the new object is deleted, not the exception
keep = []
try:
    raise Tagged("t3")
except Tagged as e:
    keep.append(e)
    e = Noisy("rebound in block")
print("after t3 block", len(keep))
keep.clear()
print("end")
