# Equal constants of one compilation unit are one object.
a = 257
b = 257
print(a is b)
f1 = 3.25
f2 = 3.25
print(f1 is f2)
s1 = "not an identifier!"
s2 = "not an identifier!"
print(s1 is s2)
big1 = 10 ** 30
big2 = 1000000000000000000000000000000
print(big1 == big2, big1 is big2)
by1 = b"some bytes here"
by2 = b"some bytes here"
print(by1 is by2)
# But int("257") builds a fresh object each time.
print(int("257") is int("257"))
