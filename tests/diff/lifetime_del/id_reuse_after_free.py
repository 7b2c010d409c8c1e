class Thing:
    pass

a = Thing()
old_id = id(a)
b = a
del a
print(id(b) == old_id)
del b
# The memory of a freed object is reused by the next object of the same size.
c = Thing()
print(id(c) == old_id)

lst = [1, 2, 3]
lid = id(lst)
del lst
other = [4, 5]
print(id(other) == lid)
