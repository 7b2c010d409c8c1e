print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(-3.14159, 1), round(1234.5678, -2), round(1e20, 2))
print(round(7.0), type(round(7.0)).__name__, type(round(7.0, 1)).__name__, type(round(7.0, None)).__name__)
print(round(0.0001, 3), round(-0.4), round(-0.5), round(-0.6))
print(round(123.456, 0), round(5, 2), round(1e300, -299))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
