# One-character Latin-1 strings produced at run time come from a cache.
s = "abc"
print(s[0] is chr(97))
print(s[0] is s[0:1])
print(s[0] is "xa,b".split(",")[0][1])
print(chr(200) is chr(200))
print(chr(255) is chr(255))
print(chr(256) is chr(256))
print(chr(0x263A) is chr(0x263A))
print("hello".upper()[1] is "HE".lower().upper()[1])

# Surprise: in CPython 3.11 a one-character string *constant* in the source
# is not the cached object, so chr(97) is "a" is False.
a = "a"
print(chr(97) == a, chr(97) is a)
# str(int) builds a new string even for one digit.
print(str(7) is str(7))

# Two-character strings built at run time are new objects.
ab = "ab"
print(("a" + chr(98)) is ab, ("a" + chr(98)) == ab)

# One-byte bytes objects are cached, constants included.
bb = b"q"
print(b"pqr"[1:2] is bb)
print(bytes([113]) is bb)
print(bytes([113]) is bytes([113]))
