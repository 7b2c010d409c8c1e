# update(), dict(d) and {**d} clone a compact dict's layout or presize for it.
import sys
g = sys.getsizeof
d = {1:1,2:2,3:3}; del d[1]; e = {}; e.update(d); print(g(e), g(dict(d)), g({**d}))
d = {i: i for i in range(6)}; print(g(d), g(dict(d)), g(d.copy()))
d = dict.fromkeys(range(11)); print(g(d), g(dict(d)), g({**d}))
d = {'a': 1, 'b': 2}; e = {'c': 3}; e.update(d); print(g(e))
e = {i: i for i in range(4)}; e.update({i: i for i in range(10, 20)}); print(g(e))
e = {i: i for i in range(10)}; e.update({1: 1}); print(g(e))
big = {i: i for i in range(30)}
for i in range(20): del big[i]
print(g(big), g(dict(big)), g(big.copy()))
s = {str(i): i for i in range(7)}; print(g(s), g(dict(s)))
x = dict(s, extra=1); print(g(x))
