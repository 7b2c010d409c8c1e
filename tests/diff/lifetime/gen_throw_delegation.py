# throw() and close() reach the innermost generator of a yield-from chain;
# an iterator's close()/throw() methods are called; the result of the
# delegation continues the outer generator.
def inner():
    try:
        yield "i1"
    except ValueError as e:
        print("inner handles", e)
        yield "i-recovered"
        return "inner result"
    finally:
        print("inner finally")

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o-next"

g = outer()
print(next(g))
print(g.throw(ValueError("x")))
print(next(g))
g.close()
print("--")

class It:
    def __iter__(self):
        return self
    def __next__(self):
        return "it"
    def throw(self, typ, val=None, tb=None):
        print("It.throw", typ.__name__)
        raise StopIteration("from throw")
    def close(self):
        print("It.close")

def deleg():
    r = yield from It()
    print("deleg got", r)
    yield "deleg-next"

g = deleg()
print(next(g))
print(g.throw(KeyError))
g.close()
g = deleg()
next(g)
g.close()
print("--")

# an uncaught throw passes through both generators
def inner2():
    try:
        yield 1
    finally:
        print("inner2 finally")
def outer2():
    try:
        yield from inner2()
    finally:
        print("outer2 finally")
g = outer2()
next(g)
try:
    g.throw(TypeError("passes"))
except TypeError as e:
    print("caught", e)
print(g.gi_frame)
