# Tuples are 40+8n; ranges, slices and the small atoms have fixed sizes.
import sys
g = sys.getsizeof
print([g(tuple(range(n))) for n in (0, 1, 2, 5, 9, 17, 100)])
print(g(()), g((1,)), g((1, 2, 3)), g(tuple("abc")))
print(g(range(0)), g(range(10)), g(range(10 ** 30)), g(slice(1)), g(slice(1, 2, 3)))
print(g(None), g(...), g(NotImplemented), g(1.5), g(1 + 2j), g(object()))
class T(tuple):
    pass
print(g(T()), g(T((1, 2, 3))))
