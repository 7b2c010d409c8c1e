# Ints -5..256 are preallocated singletons, however they are produced.
def same_object(text):
    return int(text) is int(text)

for t in ["-7", "-6", "-5", "-1", "0", "1", "100", "255", "256", "257", "1000"]:
    print(t, same_object(t))

# Results of arithmetic are cached too when in range.
a = 100
b = a * 2
c = 200
print(b is c)
d = a * 3
e = int("300")
print(d == e, d is e)
print((a - 105) is int("-5"))
print((a - 106) is int("-6"))
