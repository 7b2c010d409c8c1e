lst = list(range(8))
lst[2:4] = []
print(lst)
lst[:0] = ["start"]
print(lst)
lst[-1:] = ["end", "really"]
print(lst)
lst[1:3] = range(3)
print(lst)
lst[::3] = ["a", "b", "c"]
print(lst)
del lst[1::2]
print(lst)
lst[:] = []
print(lst)
x = [1, 2, 3]
x[1:2] = x
print(x)
