# Generators resumed by for loops (run inlined by the interpreter loop):
# nested pipelines, yield from chains, send through delegation, break.
import sys

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v

def squares(src):
    for v in src:
        yield v * v

print(list(squares(evens(count(10)))))
total = 0
for x in squares(evens(count(100))):
    total += x
print(total)

def delegate(n):
    r = yield from count(n)
    print("delegate got", r)
    yield r

def outer():
    yield from delegate(3)
    yield from [10, 11]
    yield from (c for c in "ab")

for v in outer():
    print("outer", v)

def tree(depth):
    if depth == 0:
        yield depth
        return
    for sub in range(2):
        yield from tree(depth - 1)
    yield depth

print(sum(1 for _ in tree(5)), list(tree(2)))

# A generator that is already finished: the for loop ends at once.
g = count(2)
print(list(g), list(g))
for x in g:
    print("never")

# with/try blocks inside a generator running inlined, at various stack depths
def guarded(n):
    for i in range(n):
        try:
            with open(__file__) as f:
                yield i, f.closed
        finally:
            print("finally", i)

for a, b in guarded(3):
    print("got", a, b, [y for y in count(a)])

def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v

def driver():
    r = yield from acc()
    print("acc returned", r)

d = driver()
print(next(d), d.send(5), d.send(7))
try:
    d.send(None)
except StopIteration as e:
    print("stop", e.value)
