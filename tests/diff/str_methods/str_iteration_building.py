text = "hello world"
freq = {}
for ch in text:
    freq[ch] = freq.get(ch, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
acc = ""
for i in range(5):
    acc += str(i)
print(acc)
parts = []
for word in text.split():
    parts.append(word.capitalize())
print(" ".join(parts))
print([c for c in "a1b2c3" if c.isdigit()])
print(list(enumerate("ab")), list(zip("abc", "12")))
