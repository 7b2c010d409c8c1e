# An error raised by a generator's finally block while it is freed cannot
# propagate: it is printed ("Exception ignored in: <generator object ...>")
# and the program goes on.
def gen():
    try:
        yield 1
    finally:
        print("finally of gen")
        raise ValueError("from finally")

g = gen()
next(g)
try:
    g.close()
except ValueError as e:
    print("close() propagates:", e)

g = gen()
next(g)
del g
print("after del")

def gen2():
    try:
        yield 1
    except GeneratorExit:
        print("converting")
        raise KeyError("k2")

g = gen2()
next(g)
g = 0
print("end")
