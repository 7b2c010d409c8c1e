a = [1, 2]
alias = a
a += [3]
print(a, alias, a is alias)
a = a + [4]
print(a, alias, a is alias)
t = (1, 2)
talias = t
t += (3,)
print(t, talias, t is talias)
s = "ab"
salias = s
s += "c"
print(s, salias, s is salias)
n = 1000
nalias = n
n += 1
print(n, nalias, n is nalias)
lst = [1]
lst += "xy"
print(lst)
lst += range(2)
print(lst)
try:
    lst = lst + "z"
except TypeError as e:
    print("TypeError:", e)
