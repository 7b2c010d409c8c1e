def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

g = accumulator()
print(next(g))
print(g.send(10))
print(g.send(5))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"

e = echo()
print(e.send(None))
print(e.send("a"), e.send("b"))
try:
    echo().send("too early")
except TypeError as err:
    print("TypeError:", err)
