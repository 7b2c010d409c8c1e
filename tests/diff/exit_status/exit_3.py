# sys.exit(3): the status is 3, nothing on stderr, later code never runs.
import sys


def work(items):
    total = 0
    for item in items:
        total += item
    return total


print("total", work([1, 2, 3]))
print("exiting with 3")
sys.exit(3)
print("unreachable")
