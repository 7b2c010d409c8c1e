# Freeing a generator suspended in `yield from` closes the inner generator
# first, then the outer one's finally runs.
def inner():
    try:
        yield "i1"
        yield "i2"
    finally:
        print("inner finally")

def outer():
    try:
        yield "o1"
        yield from inner()
        yield "o2"
    finally:
        print("outer finally")

g = outer()
print(next(g), next(g))
print("dropping outer")
del g
print("after")

# the inner generator alone, still referenced elsewhere
i = inner()
def outer2(it):
    try:
        yield from it
    finally:
        print("outer2 finally")
g = outer2(i)
print(next(g))
del g
print("outer2 dropped; inner still suspended?", i.gi_frame is not None)
print(next(i))
del i
print("end")
