print(int("42"), int("-17"), int("  8  "), int("+3"), int("1_000_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("101", 2), int("777", 8), int("10", 3))
print(int(3.99), int(-3.99), int(True), int("0"), int("-0"))
print(int("123456789012345678901234567890"))
print(int(1e20), int(-1.5e15))
for bad in ["", "1.5", "0x1G", "1__0", "_1", "12 3"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for text, base in [("12", 1), ("9", 8), ("0b2", 0)]:
    try:
        int(text, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
