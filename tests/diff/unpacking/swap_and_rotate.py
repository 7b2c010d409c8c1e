a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
x = [0, 1]
i = 0
x[i], i = 5, 1
print(x, i)
d = {"a": 1, "b": 2}
d["a"], d["b"] = d["b"], d["a"]
print(d)

class P:
    pass

p = P()
p.x, p.y = "xy"
print(p.x, p.y)
