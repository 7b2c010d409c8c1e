def inner():
    x = yield 1
    print("inner received", x)
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("outer got", result)
    yield from range(3)
    yield from "ab"
    return "outer done"

g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))

def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, [3, 4], 5], [[6]]])))
