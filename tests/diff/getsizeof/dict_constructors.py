# dict(), fromkeys, comprehensions, copy and update size the table their way.
import sys
g = sys.getsizeof
for n in (0, 1, 5, 6, 10, 11, 21, 22, 43, 100):
    keys = list(range(n))
    skeys = [str(k) for k in keys]
    print(n, g(dict.fromkeys(keys)), g({k: k for k in keys}), g(dict(zip(keys, keys))),
          g(dict.fromkeys(skeys)), g(dict.fromkeys(keys).copy()), g(dict(dict.fromkeys(skeys))))
d = {}
d.update({i: i for i in range(30)})
print(g(d))
big = {i: i for i in range(1000)}
print(g(big), g(big.copy()))
