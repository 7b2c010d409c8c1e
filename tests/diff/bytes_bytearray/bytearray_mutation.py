ba = bytearray(b"hello")
alias = ba
ba[0] = ord("j")
ba.append(33)
ba.extend(b"??")
print(ba, alias is ba, len(ba))
ba[1:3] = b"EE"
print(ba)
del ba[-2:]
print(ba)
ba += b" world"
print(ba, alias is ba)
ba.insert(0, 62)
print(ba.pop(), ba.pop(0), ba)
ba.reverse()
print(ba)
print(bytearray(3), bytearray([1, 2]), bytearray("ab", "ascii"))
print(bytes(ba), type(ba[1:3]).__name__, ba[0])
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    hash(ba)
except TypeError as e:
    print("TypeError:", e)
