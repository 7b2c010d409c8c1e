# The article: x = 5; y = 5 point to the same cached small int.
x = 5
y = 5
print(id(x) == id(y))
print(x is y)

# Ints -5..256 are preallocated, even when computed at run time.
n = int("5")
print(n is x)
big = int("300")
three_hundred = 300
print(big is three_hundred)
print(big == 300)
