# Deleting from a dict never shrinks its table; clear() does.
import sys
g = sys.getsizeof
d = {i: i for i in range(50)}
r = [g(d)]
for i in range(50):
    del d[i]
    r.append(g(d))
print(r[0], r[25], r[-1])
d.clear()
print(g(d))
d = {str(i): i for i in range(20)}
print(g(d))
for i in range(15):
    d.pop(str(i))
print(g(d))
d.popitem()
print(g(d))
for i in range(40):
    d[i] = i
    del d[i]
print(g(d))
