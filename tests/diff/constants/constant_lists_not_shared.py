# List and dict displays build new objects on every evaluation.
def make():
    return [1, 2, 3]

a = make()
b = make()
print(a == b, a is b)
a.append(4)
print(make())

def make_dict():
    return {"k": (1, 2)}

d1 = make_dict()
d2 = make_dict()
print(d1 is d2, d1["k"] is d2["k"])

def make_set():
    return {1, 2}

print(make_set() is make_set())
# `x in [1, 2]` compiles to a tuple constant; still correct.
x = 2
print(x in [1, 2], x in {1, 2}, x not in (3, 4))
