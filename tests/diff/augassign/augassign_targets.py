class Obj:
    def __init__(self):
        self.count = 0

o = Obj()
o.count += 1
o.count += 1
print(o.count)
d = {"k": 1}
d["k"] += 10
print(d)
lst = [[1], [2]]
lst[0] += [10]
lst[1] *= 2
print(lst)
calls = []
def key():
    calls.append("key evaluated")
    return "k"
d[key()] += 1
print(d, calls)
try:
    d["missing"] += 1
except KeyError as e:
    print("KeyError:", e)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
