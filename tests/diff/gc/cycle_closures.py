# Cycles through closures (cells), functions and their __dict__.
import gc
gc.collect()

def make():
    def inner():
        return inner
    return inner

f = make()
print(f() is f)
del f
print("self-referencing closure:", gc.collect())

def make2():
    data = []
    def add(x):
        data.append(x)
    data.append(add)
    return add

g = make2()
del g
print("closure holding a list that holds it:", gc.collect())

def h():
    pass
h.me = h
del h
print("function attribute cycle:", gc.collect())

# A lambda in a default argument of itself via a list.
box = []
fn = lambda b=box: b
box.append(fn)
del fn, box
print("default argument cycle:", gc.collect())
