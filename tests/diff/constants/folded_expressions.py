# Constant expressions are folded at compile time.
a = 2 ** 10
b = 1024
print(a is b)
c = 1000 + 24
d = 1000 * 1 + 24
print(c == d)
s = "ab" * 3
t = "ababab"
print(s is t)
u = "hel" + "lo"
v = "hello"
print(u is v)
w = -300
w2 = -299 - 1
print(w == w2, w is w2)
neg = -12345
neg2 = -12345
print(neg is neg2)
