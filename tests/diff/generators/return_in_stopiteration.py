def gen():
    yield 1
    return {"result": 42}

g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)

def empty_return():
    return
    yield

try:
    next(empty_return())
except StopIteration as e:
    print(e.value, e.args)

def raises_stop():
    yield 1
    raise StopIteration("converted")

try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e)
    print(type(e.__cause__).__name__)
