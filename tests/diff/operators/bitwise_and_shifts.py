print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(~0, ~255, -1 & 0xFF, -256 | 255)
print(1 << 100)
print((1 << 100) >> 99)
print(-1 >> 10, -1024 >> 3, -1 << 3)
print(12345 & -12345)
print(True & False, True | False, True ^ True)
print(type(True & True).__name__, type(True & 1).__name__)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print({1, 2} & {2, 3}, {1, 2} | {3}, {1, 2} ^ {2, 3}, {1, 2} - {2})
