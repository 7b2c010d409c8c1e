import sys

item = {}
rows = [item] * 10
print(sys.getrefcount(item))
rows *= 2
print(sys.getrefcount(item))
more = rows + rows
print(sys.getrefcount(item))
sl = rows[::2]
print(sys.getrefcount(item))
del rows[:5]
print(sys.getrefcount(item))
del more, sl, rows
print(sys.getrefcount(item))
