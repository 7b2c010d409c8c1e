# The empty tuple, "" and b"" are singletons.
t1 = tuple()
t2 = tuple([])
t3 = (1, 2, 3)[5:]
print(t1 is t2, t2 is t3)
print(tuple(x for x in []) is t1)

s1 = str()
s2 = "abc"[1:1]
s3 = "".join([])
s4 = "abc".replace("abc", "")
print(s1 is s2, s2 is s3, s3 is s4)

b1 = bytes()
b2 = b"abc"[2:1]
b3 = b"".join([])
print(b1 is b2, b2 is b3)

# The empty frozenset is NOT a singleton in CPython 3.11 (removed in 3.10).
print(frozenset() is frozenset())
print(frozenset() == frozenset())
# Empty mutable containers are never shared.
print([] is [], {} is {})
