counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print(counter)

def create():
    global made_here
    made_here = "created in function"

create()
print(made_here)

def shadow():
    counter = 100
    return counter

print(shadow(), counter)

def read_only():
    return counter * 2

print(read_only())
