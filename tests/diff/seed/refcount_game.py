import sys

z = [1, 2, 3]
print(sys.getrefcount(z))  # 2 (the variable + the function argument)

x = [1, 2, 3]
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
