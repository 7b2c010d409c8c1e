def naturals():
    n = 0
    while True:
        yield n
        n += 1

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

def evens(it):
    return (x for x in it if x % 2 == 0)

print(list(take(5, evens(naturals()))))
print(list(take(3, map(lambda x: x * x, naturals()))))
print(list(zip(naturals(), "abc")))
fib_gen = None
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(12, fib())))
