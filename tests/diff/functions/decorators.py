def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

add(2, 3)
print(add.__name__)

def repeat(n):
    def deco(fn):
        def wrapper():
            return [fn() for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def hello():
    return "hi"

print(hello())

order = []
def mark(tag):
    order.append("make " + tag)
    def deco(fn):
        order.append("apply " + tag)
        return fn
    return deco

@mark("outer")
@mark("inner")
def target():
    pass

print(order)
