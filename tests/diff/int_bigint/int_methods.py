print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True))
print((-1).to_bytes(2, "big", signed=True))
print((10).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
print((17).as_integer_ratio() if hasattr(int, "as_integer_ratio") else None)
print(abs(-10 ** 20), -(-5))
print(int.__name__, type(10 ** 100).__name__)
print(round(12345, -2), round(-12355, -1), round(15, -1), round(25, -1))
print(max(10 ** 20, 10 ** 19), min(-10 ** 20, 5))
print(sum(range(10 ** 6, 10 ** 6 + 10)))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
