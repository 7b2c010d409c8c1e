import sys

deepest = 0

def dive(n):
    global deepest
    deepest = n
    dive(n + 1)

try:
    dive(1)
except RecursionError:
    pass
print("default limit", sys.getrecursionlimit(), "deepest", deepest)

sys.setrecursionlimit(100)
try:
    dive(1)
except RecursionError:
    pass
print("limit 100 deepest", deepest)
sys.setrecursionlimit(1000)
