print(round(3.7), round(-3.7), round(3.14159, 2), round(1234, -2), round(0.5), round(1.5))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.0, 2), divmod(-7.5, 2))
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(-2, 3), pow(2.0, 3), pow(4, 0.5))
print(pow(3, 4, 5), pow(7, -1, 10), pow(0, 0))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 0.5, 3)
except TypeError as e:
    print("TypeError:", e)
