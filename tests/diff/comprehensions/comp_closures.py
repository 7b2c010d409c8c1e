funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

def outer():
    n = 5
    return [(lambda: n + k)() for k in range(3)]

print(outer())

def counter():
    total = 0
    def add(vals):
        nonlocal total
        total += sum(v for v in vals)
        return total
    return add

add = counter()
add([1, 2])
print(add([3, 4]))
gens = [(x for _ in range(2)) for x in range(2)]
print([list(g) for g in gens])
