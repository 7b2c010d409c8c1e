# min() and max() consume their iterable item by item: an item that is not
# the best so far is freed at once, and the iterator is advanced lazily.
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __gt__(self, other):
        return self.v > other.v
    def __del__(self):
        print("free", self.v)

def produce(values):
    for v in values:
        print("make", v)
        yield Item(v)

best = max(produce([3, 1, 4, 1, 5]))
print("max is", best.v)
del best
best = min(produce([3, 1, 4]), key=lambda it: it.v)
print("min is", best.v)
del best

# An exception from the iterator after some items: those are already freed.
def failing():
    yield Item(10)
    yield Item(20)
    raise ValueError("stop here")
try:
    max(failing())
except ValueError as e:
    print("ValueError", e)

# A comparison error stops consuming: the rest is never made.
def mixed():
    print("make 1")
    yield 1
    print("make 'a'")
    yield "a"
    print("make 2 (never)")
    yield 2
try:
    min(mixed())
except TypeError as e:
    print("TypeError", e)

print(max(2, 9, 4), min("b", "a", "c"), max([], default="empty"))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
