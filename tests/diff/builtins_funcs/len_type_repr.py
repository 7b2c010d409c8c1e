print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(7)), len(b"xy"))
print(type(1), type("s"), type([]), type(None), type(type), type(len), type(print))
print(type(1.0).__name__, type(True).__name__, type(b"").__name__, type(bytearray()).__name__)
print(type(...).__name__, type(NotImplemented).__name__, type(range(1)).__name__, type(slice(1)).__name__)
print(repr("a"), repr(1), repr(1.5), repr(None), repr([1, "x"]), repr(int), repr(len))
print(str(1), str("a"), str(b"b"), str(1.0), str(True))
print(repr(object)[:16], type(object()).__name__)

class K:
    pass

print(type(K).__name__, type(K()).__name__)
print(type(lambda: 0).__name__, type([].append).__name__)
