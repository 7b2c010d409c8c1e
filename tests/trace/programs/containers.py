# Long containers changed in a few places at a time (the trace writes such
# changes as splices of the earlier contents).
xs = list(range(10))
xs.append(100)
xs.insert(0, -1)
del xs[5]
xs[3] = "three"
xs[2:4] = [7, 8, 9]
xs.pop()
xs.reverse()
ys = xs
ys.sort(key=str)
d = {}
for k in "abcdefghij":
    d[k] = len(d)
d["c"] = xs
del d["a"]
d["a"] = 0
s = set(range(9))
s.add(9)
s.discard(4)
for i in range(3):
    xs.append([i])
print(len(xs), len(d), len(s))
