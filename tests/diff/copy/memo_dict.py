# The memo argument: what deepcopy records, and pre-seeding it.
import copy

a = [1, [2, 3]]
memo = {}
b = copy.deepcopy(a, memo)
print(memo[id(a)] is b, memo[id(a[1])] is b[1])
keep = memo[id(memo)]
print(len(memo), type(keep).__name__, len(keep), keep[0] is a[1], keep[1] is a)
print(id(1) in memo)

# a memo entry is used instead of copying
sentinel = ["replacement"]
inner = [9]
outer = [inner, inner]
r = copy.deepcopy(outer, {id(inner): sentinel})
print(r, r[0] is sentinel)

# atomic objects are never stored
m = {}
copy.deepcopy((1, "x", 2.0), m)
print(m)

# a reused memo returns the earlier copy
m = {}
first = copy.deepcopy(a, m)
second = copy.deepcopy(a, m)
print(first is second)

class Spy:
    def __deepcopy__(self, memo):
        print("memo has", len(memo), "entries", id(self) in memo)
        return "copied"

print(copy.deepcopy([Spy(), Spy()]))
