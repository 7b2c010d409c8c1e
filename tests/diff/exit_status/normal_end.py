# Falling off the end of the program: status 0.
def greet(name):
    return f"hello {name}"


names = ["ann", "bob"]
for n in names:
    print(greet(n))
x = [1, 2, 3]
del x
print("falls off the end: status 0")
