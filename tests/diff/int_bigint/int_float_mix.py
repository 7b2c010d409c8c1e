print(10 ** 20 / 3)
print(10 ** 20 // 3.0)
print(2 ** 53 + 1 == float(2 ** 53 + 1))
print(2 ** 53 == float(2 ** 53))
print(10 ** 400 > 1e308, -10 ** 400 < -1e308)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print("OverflowError:", e)
print(1 == 1.0, hash(1) == hash(1.0), 10 ** 20 == 1e20, 10 ** 23 == 1e23)
print(7 / 7, 2 ** 0.5, 4 ** 0.5, (-8) ** (1 / 3) == (-8) ** (1 / 3))
print(0 ** 0, 0.0 ** 0, pow(2, 0.5) == 2 ** 0.5)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
