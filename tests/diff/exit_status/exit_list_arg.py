# A code that is neither an int nor None is printed to stderr (as str())
# and the status is 1.
import sys

try:
    sys.exit([3, 4])
except SystemExit as e:
    print("code is the list itself:", e.code, type(e.code).__name__)
print("a non-int, non-None code is printed to stderr, status 1")
sys.exit([1, 2])
