# Names, aliases, cached small ints, a call with a return value.
x = 5
y = 5
big = 10 ** 20
a = [1, x, "hi"]
b = a
b.append(big)
d = {"k": a, 7: (x, y)}

def first(seq):
    head = seq[0]
    return head

r = first(a)
del a
b = None
print(r, d[7])
