data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list", n)
big = [y for x in data if (y := x * 2) > 10]
print(big, y)
values = []
while (v := len(values)) < 3:
    values.append(v)
print(values)

def f():
    [z := k for k in range(3)]
    return z

print(f())
print((w := 5) + w)
