x = None
print(x is None, type(None)() is None)
print(bool(1) is True, bool(0) is False)
print((1 == 1) is True, (1 < 0) is False)
print(Ellipsis is ..., type(...)() is Ellipsis)
print(type(NotImplemented)() is NotImplemented)
print(repr(...), repr(NotImplemented), repr(None))
print(int.__add__(1, "a") is NotImplemented)

def returns_nothing():
    pass

print(returns_nothing() is None)
print([].sort() is None)
print({}.get("missing") is None)
