x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1100; print(x)
x |= 0b0011; print(x)
x ^= 0b1111; print(x)
s = {1, 2}
s |= {3}; s &= {2, 3}; s -= {2}; s ^= {9}
print(s)
d = {"a": 1}
d |= {"b": 2}
print(d)
lst = [1]
lst *= 3
print(lst)
