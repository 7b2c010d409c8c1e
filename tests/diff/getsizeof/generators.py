# A generator holds its frame: 152 bytes plus a slot per local and per
# value-stack entry (plus the collector head).
import sys
g = sys.getsizeof
def g0():
    yield 1
def g1(a, b):
    c = a + b
    yield c
def g2():
    x = [1, 2, 3]
    for i in x:
        yield i, (i, (i, i))
def g3(n):
    total = 0
    for i in range(n):
        total += i
        yield total
gen = g3(5)
print(g(g0()), g(g1(1, 2)), g(g2()), g(gen))
next(gen)
print(g(gen))
list(gen)
print(g(gen))
print(g(x for x in range(3)))
