class A: pass
class B(A): pass
class C: pass

b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, B)))
print(issubclass(bool, int), isinstance(True, int), issubclass(int, object))
print(isinstance(1, (str, (list, int))))
print(issubclass(KeyError, LookupError), issubclass(LookupError, Exception))
print(isinstance(type, type), isinstance(object, type), issubclass(type, object))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
