# copyreg.__newobj__ calls cls.__new__(cls, *args): the builtin types' own __new__.
class MyInt(int): pass
class MyErr(ValueError): pass
class L(list):
    def __new__(cls, *a):
        print("L.__new__", a)
        return super().__new__(cls)
print(MyInt.__new__(MyInt, 7), type(int.__new__(MyInt, "12")).__name__, list.__new__(list, [1, 2]), L([1]))
for f in [lambda: object.__new__(MyInt, 7), lambda: int.__new__(list), lambda: int.__new__(5), lambda: int.__new__(), lambda: float.__new__(MyInt), lambda: object.__new__(MyErr)]:
    try: print(f())
    except TypeError as e: print("TypeError", e)
print(type(MyErr.__new__(MyErr, "x")).__name__, '__new__' in int.__dict__, '__new__' in dict.__dict__, int.__new__ is MyInt.__new__)
