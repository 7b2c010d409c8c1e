lst = [1, 2]
print(lst[5])
