d = {i: i * i for i in range(5)}
for key in list(d):
    if key % 2:
        del d[key]
print(d)
try:
    for key in d:
        d[key + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2}
for key in d:
    d[key] = d[key] * 10
print(d)
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
