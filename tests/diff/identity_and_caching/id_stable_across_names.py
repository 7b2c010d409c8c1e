class Box:
    pass

b = Box()
ident = id(b)
c = b
print(id(c) == ident)
lst = [b, b]
print(id(lst[0]) == ident and id(lst[1]) == ident)
d = {"k": b}
print(id(d["k"]) == ident)

def echo(o):
    return id(o)

print(echo(b) == ident)
b.self_ref = b
print(id(b.self_ref) == ident)
del b.self_ref
