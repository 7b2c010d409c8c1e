def inner():
    try:
        raise ValueError("original")
    except ValueError:
        print("inner handler, re-raising")
        raise

try:
    inner()
except ValueError as e:
    print("outer got", e)

try:
    try:
        raise TypeError("first")
    finally:
        print("finally during propagation")
except TypeError as e:
    print("got", e)

def multiple(x):
    try:
        if x == 0:
            raise KeyError(x)
        if x == 1:
            raise IndexError(x)
        return "none"
    except (KeyError, IndexError) as e:
        return type(e).__name__

print(multiple(0), multiple(1), multiple(2))
try:
    raise ValueError
except ValueError as e:
    print(repr(e))
