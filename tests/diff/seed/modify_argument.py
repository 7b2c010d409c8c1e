def modify(lst):
    lst.append(4)

my_list = [1, 2, 3]
modify(my_list)
print(my_list)  # [1, 2, 3, 4]: modified in place

def reassign(lst):
    lst = [10, 20, 30]  # Points local name to new object
    return lst

my_list = [1, 2, 3]
result = reassign(my_list)
print(my_list)  # [1, 2, 3]: unchanged
print(result)

def same(obj):
    return obj

print(same(my_list) is my_list)
