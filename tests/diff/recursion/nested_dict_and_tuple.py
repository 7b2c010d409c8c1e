d = {}
for _ in range(50000):
    d = {"k": d}
try:
    repr(d)
except RecursionError as e:
    print("RecursionError:", e)
t = ()
for _ in range(50000):
    t = (t,)
try:
    repr(t)
except RecursionError as e:
    print("RecursionError:", e)
del d, t
print("done")
