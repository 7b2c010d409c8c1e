# Ints take 4 bytes per 30-bit digit; zero, True and False count one digit.
import sys
g = sys.getsizeof
print(g(0), g(1), g(-1), g(True), g(False), g(255), g(2 ** 30 - 1), g(2 ** 30), g(-(2 ** 30)))
print([g(2 ** k) for k in range(0, 300, 15)])
print([g(-(10 ** k)) for k in range(0, 100, 7)])
print(g(10 ** 1000), g(int("9" * 500)))
class MyInt(int):
    pass
print(g(MyInt(0)), g(MyInt(5)), g(MyInt(2 ** 64)))
print((0).__sizeof__(), (2 ** 100).__sizeof__(), int.__sizeof__(7))
