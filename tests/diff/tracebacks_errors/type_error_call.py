# Calling with a missing argument: uncaught TypeError.
def greet(name, greeting):
    return f"{greeting}, {name}"


print(greet("ann", "hi"))
print(greet(greeting="hey", name="cy"))
try:
    greet("dan", "yo", "extra")
except TypeError as e:
    print("caught:", e)
print(greet("bob"))
