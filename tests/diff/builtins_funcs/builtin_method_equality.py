# Bound builtin methods compare by the object they bind (identity) and the
# method; the types of builtin functions and methods make no instances.
l = []
print(l.append == l.append, [].append == [].append, l.append == [].append, hash(l.append) == hash(l.append))
print((2).__add__ == (2).__add__, (2).__add__ == (3).__add__, hash((2).__add__) == hash((2).__add__))
print(len == len, l.__len__ == l.__len__, l.__len__ != l.__len__)
for t in (type(len), type(list.append), type(int.__add__), type((1).__add__)):
    try:
        t()
    except TypeError as e:
        print(e)
