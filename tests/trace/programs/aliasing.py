def append_to(lst, x):
    lst.append(x)
    return lst

a = [1, 2]
b = a
c = [1, 2]
append_to(b, 3)
d = {"k": a, "n": 5}
t = (a, c)
s = "hello"
u = s
n = 7
m = n
del b
a = None
