import sys

e1 = ()
e2 = tuple()
e3 = tuple([])
print(e1 is e2 is e3)
x = [1]
t = (x, x)
print(sys.getrefcount(x))
u = tuple(t)
print(u is t)
v = t[:]
print(v is t)
w = t + ()
print(w is t)
s = t[0:1]
print(s is t, s == (x,))
print(sys.getrefcount(x))
del t, u, v, w, s
print(sys.getrefcount(x))
