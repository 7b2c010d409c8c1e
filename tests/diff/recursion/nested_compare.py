a = []
b = []
for _ in range(100000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
x = [[[[1]]]]
y = [[[[1]]]]
print(x == y, x is y)
same = a
print(a == same)
del a, b, same
print("done")
