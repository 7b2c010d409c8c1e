# The article says a = 257; b = 257 gives two objects. That is only true in
# the REPL: in one file (one compilation unit) equal constants are merged.
a = 257
b = 257
print(id(a) == id(b))
print(a is b)

# Computed at run time, they are separate objects.
c = int("257")
d = int("257")
print(c == d)
print(c is d)
print(id(c) == id(d))
