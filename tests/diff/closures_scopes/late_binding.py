funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])

funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])

def make(n):
    return lambda: n

print([make(i)() for i in range(3)])

def outer():
    fs = []
    for j in range(3):
        def g():
            return j
        fs.append(g)
    j = 100
    return fs

print([g() for g in outer()])
