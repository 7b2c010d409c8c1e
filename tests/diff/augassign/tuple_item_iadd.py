t = ([1], "s")
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
try:
    t[1] += "x"
except TypeError as e:
    print("TypeError:", e)
print(t)
lst = t[0]
try:
    t[0] += [3]
except TypeError:
    pass
print(lst, lst is t[0])
