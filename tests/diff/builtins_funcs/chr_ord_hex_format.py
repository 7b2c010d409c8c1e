print(chr(65), chr(0x3b1), ord("A"), ord("α"), ord(chr(1000)))
print(hex(0), hex(255), hex(-255), oct(0), oct(64), bin(10), bin(-10))
print(format(255, "x"), format(255, "#b"), format(3.5, ".2f"), format("s", ">3"), format(10))
print(format(1234567, ","), format(0.25, "%"), format(42, "08.2f"))
print(hex(2 ** 70), oct(-(2 ** 40)))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
