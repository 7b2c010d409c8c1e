s = "hello"
t = s.upper()  # Creates NEW string object
print(s)
print(t)
print(s is t)

u = s
s += " world"
print(u)
print(s)
print(u is s)

tup = (1, 2)
before = tup
tup += (3,)
print(before, tup, before is tup)
