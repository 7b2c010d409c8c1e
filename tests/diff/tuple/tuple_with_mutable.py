t = ([1], [2])
t[0].append(10)
print(t)
try:
    t[1] += [3]
except TypeError as e:
    print("TypeError:", e)
print(t)
inner = t[1]
try:
    t[1] = inner
except TypeError as e:
    print("TypeError:", e)
print(t[1] is inner)
