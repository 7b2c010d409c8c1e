# A generator that yields again when closed at its freeing: CPython reports
# "generator ignored GeneratorExit" as an unraisable error and goes on.
def stubborn():
    try:
        yield 1
    finally:
        print("finally runs, yields again")
        yield 2
        print("never")

g = stubborn()
print(next(g))
try:
    g.close()
except RuntimeError as e:
    print("close():", e)
del g
print("after del of the closed one")

g = stubborn()
next(g)
print("dropping")
g = None
print("program goes on")
