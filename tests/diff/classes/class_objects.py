class A:
    "A docstring."
    x = 1

print(A.__name__, A.__qualname__, A.__module__, A.__doc__)
print(type(A).__name__, type(A()) is A, A().__class__ is A)
print(isinstance(A, type), isinstance(A(), A), isinstance(A(), object))
print(A.__bases__, object.__bases__)
B = type("B", (A,), {"y": 2, "hello": lambda self: "hi"})
b = B()
print(B.__name__, b.x, b.y, b.hello(), B.__bases__[0] is A)
print(type(b) is B, issubclass(B, A))
print(repr(A).startswith("<class '__main__.A'"), repr(int), repr(type))
print(sorted(k for k in vars(B) if not k.startswith("__")))
