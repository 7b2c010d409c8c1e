def gen():
    yield 1
    yield 2

g = gen()
next(g)
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    print("propagated", repr(e))
print(list(g))

fresh = gen()
try:
    fresh.throw(TypeError, TypeError("before start"))
except TypeError as e:
    print("TypeError:", e)
print(list(fresh))
