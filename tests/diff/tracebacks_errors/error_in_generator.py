# An exception raised inside a generator propagates to the for loop.
def numbers():
    yield 1
    yield 2
    raise IndexError("generator failed")

for n in numbers():
    print(n)
print("unreachable")
# (not reached: the generator's IndexError propagates through the for loop)
