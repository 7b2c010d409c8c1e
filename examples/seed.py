# The memory model of "You Think You Know Python Variables?", runnable.
# Every line prints what CPython 3.11 prints; refscope matches it exactly.
import sys

# Names are references; small ints are cached objects.
x = 5
y = 5
print("x is y (small ints are cached):", x is y)

a = int("257")
b = int("257")
print("257 made at run time, twice: a is b:", a is b)
c = 257
d = 257
print("257 as two constants of one file: c is d:", c is d)

# Aliasing: two names, one list.
original_list = [1, 2, 3]
alias = original_list
alias.append(4)
print("after alias.append(4):", original_list)
shallow_copy = original_list[:]
print("a slice is a new list:", shallow_copy is original_list, shallow_copy == original_list)

# Immutable objects are never changed in place.
s = "hello"
t = s.upper()
print(s, t, s is t)

# Reference counts (getrefcount adds one for its own argument).
z = [1, 2, 3]
print("refcount of z:", sys.getrefcount(z))
w = z
print("after w = z:", sys.getrefcount(z))
del w
print("after del w:", sys.getrefcount(z))

# Objects are freed the instant their count reaches zero.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

n = Noisy("n")
del n
print("(freed before this line)")

# is versus ==
p = [1, 2, 3]
q = [1, 2, 3]
print("p == q:", p == q, " p is q:", p is q)

# Pass by object reference.
def modify(lst):
    lst.append(4)

def reassign(lst):
    lst = [10, 20, 30]

my_list = [1, 2, 3]
modify(my_list)
print("after modify:", my_list)
my_list = [1, 2, 3]
reassign(my_list)
print("after reassign:", my_list)
