import sys

print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 11), sys.version_info < (4,))
print(type(sys.maxsize).__name__, -sys.maxsize - 1)
print(sys.version_info[0] == sys.version_info.major)
big = sys.maxsize + 1
print(big, type(big).__name__)
print(len(range(sys.maxsize)) == sys.maxsize)
try:
    len(range(sys.maxsize + 1))
except OverflowError as e:
    print("OverflowError:", e)
