a = 2 ** 100 + 12345
b = 2 ** 80 - 1
print(a & b, a | b, a ^ b)
print(~a, -a & 0xFFFF, -a | 7, -a ^ b)
print(a >> 50, a << 30, -a >> 70)
print((1 << 200) - 1 == 2 ** 200 - 1)
print(a.bit_length(), (0).bit_length(), (-1).bit_length(), (255).bit_length())
print(bin(a)[:12], hex(a), oct(b)[:8])
print(bin(-5), hex(-255), oct(-8))
print((2 ** 70).bit_count() if hasattr(int, "bit_count") else "n/a", (255).bit_count())
