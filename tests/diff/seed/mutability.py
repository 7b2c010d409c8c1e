d = {"k": 1}
e = d
e["k2"] = 2
print(d)

ba = bytearray(b"abc")
alias = ba
alias[0] = ord("z")
print(ba)

fs = frozenset([1, 2])
fs2 = fs | {3}
print(sorted(fs), sorted(fs2), fs is fs2)

s = {1}
s2 = s
s2 |= {2}
print(s, s is s2)
