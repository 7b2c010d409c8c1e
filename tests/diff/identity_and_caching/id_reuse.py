# id() is stable while an object lives and may be reused after it dies.
print(id([]) == id([]))
print(id({}) == id({}))
print(id(object()) == id(object()))

x = [1, 2]
first = id(x)
x.append(3)
x.extend(range(100))
print(id(x) == first)

# Two objects alive at the same time never share an id.
a = []
b = []
print(id(a) == id(b), a is b)
objs = [object() for _ in range(50)]
print(len(set(map(id, objs))))
