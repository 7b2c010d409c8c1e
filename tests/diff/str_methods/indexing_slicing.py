s = "abcdefghij"
print(s[0], s[-1], s[3:6], s[:3], s[7:], s[::2], s[::-1], s[-3:], s[1:-1:3])
print(s[100:], s[-100:2], s[5:2], s[::-3])
print(len(s), len(""), len("héllo"), len("日本語"))
print("日本語"[1], "héllo"[1:3])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
print(list("abc"), tuple("ab"), sorted("hello"), "".join(reversed("abc")))
print(min("hello"), max("hello"), "b" * 3 + "a" * 2)
