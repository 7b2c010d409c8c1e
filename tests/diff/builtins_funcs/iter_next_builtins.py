it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
s = iter("ab")
print(list(s), list(s))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
d = iter({"a": 1, "b": 2})
print(type(d).__name__, list(d))
print(type(iter(range(3))).__name__, type(iter((1,))).__name__, type(iter(set())).__name__)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
