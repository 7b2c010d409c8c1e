print((0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((3.0).is_integer(), (3.5).is_integer())
print((1.5).hex(), (0.1).hex(), float.fromhex("0x1.8p1"))
print(float("0.1") == 0.1, 0.1 + 0.7, 0.1 * 3 == 0.3)
print(int(2.999999), int(-0.5), int(1e15))
print(divmod(7.5, 2), divmod(-7.5, 2), 7.5 % -2, -0.0 % 1)
print(2.0 ** 0.5, 10.0 ** -2, (-2.0) ** 2, 4.0 ** 0.5)
print(sum([0.1] * 10), 0.1 * 10)
print(1e300 * 1e300, -1e300 * 1e300)
print(max(1.5, 2), min(-0.0, 0.0), max(0.0, -0.0))
try:
    1.0 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
