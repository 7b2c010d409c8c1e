def outer():
    x = "first"
    def read():
        return x
    def write(v):
        nonlocal x
        x = v
    return read, write

r, w = outer()
print(r())
w("second")
print(r())
print(r.__closure__[0].cell_contents)
print(r.__closure__[0] is w.__closure__[0])
print(len(r.__closure__), type(r.__closure__).__name__)

def no_closure():
    return 1

print(no_closure.__closure__)
