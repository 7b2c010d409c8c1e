s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
s.update([5, 6], (7,))
print(s)
s.discard(100)
s.remove(5)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
alias = s
s |= {10}
s &= {1, 3, 10, 6}
s -= {6}
s ^= {99, 1}
print(s, alias is s)
popped = {42}.pop()
print(popped)
s.clear()
print(s, alias)
s.intersection_update({1})
print(s)
try:
    s.add([1])
except TypeError as e:
    print("TypeError:", e)
