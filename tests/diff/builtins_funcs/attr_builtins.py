class A:
    cls_attr = 1
    def __init__(self):
        self.x = 10
    def method(self):
        pass

a = A()
print(getattr(a, "x"), getattr(a, "cls_attr"), getattr(a, "nope", None))
setattr(a, "y", 20)
print(hasattr(a, "y"), hasattr(a, "z"), hasattr(A, "method"))
delattr(a, "y")
print(vars(a), sorted(n for n in dir(a) if not n.startswith("__")))
print(sorted(n for n in vars(A) if not n.startswith("__")))
print(callable(a.method), callable(a), callable(A), callable(None))
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(a, 5)
except TypeError as e:
    print("TypeError:", e)
