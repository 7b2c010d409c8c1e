a = [0, 1, 2, 3, 4, 5]
print(a[10:], a[-10:], a[2:2], a[4:2], a[::-1][:2], a[-1:-4:-1], a[5:0:-2])
print(a[None:None], a[:None:2])
t = tuple(a)
print(t[1::2], t[::-2], t[3:-1])
s = "slicing"
print(s[-100:100], s[3:-3], s[::-1][::2])
b = bytearray(b"abcdef")
b[::2] = b"XYZ"
print(b)
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    a["x":]
except TypeError as e:
    print("TypeError:", e)
