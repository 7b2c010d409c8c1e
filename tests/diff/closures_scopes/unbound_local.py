x = 10

def f():
    print(x)
    x = 20

try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def g():
    x += 1

try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def h():
    def inner():
        return y
    try:
        return inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    y = 1

print(h())
print(issubclass(UnboundLocalError, NameError))
