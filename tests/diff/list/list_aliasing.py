a = [1, 2, 3]
b = a
c = list(a)
d = a[:]
a.append(4)
print(a, b, c, d)
print(a is b, a is c, c == d, c is d)
outer = [[1], [2]]
shallow = outer[:]
shallow[0].append(10)
shallow[1] = [20]
print(outer, shallow)

def extend_in_place(lst):
    lst += [99]

def rebind(lst):
    lst = lst + [99]

x = [1]
extend_in_place(x)
rebind(x)
print(x)
