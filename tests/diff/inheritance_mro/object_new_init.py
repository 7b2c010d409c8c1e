class Singleton:
    _instance = None
    def __new__(cls, *args):
        print("__new__", args)
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, *args):
        print("__init__", args)

a = Singleton(1)
b = Singleton(2)
print(a is b)

class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")

print(NotMine())
try:
    object.__new__(1)
except TypeError as e:
    print("TypeError:", e)
