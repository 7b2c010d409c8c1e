# A str-keys dict given another kind of key is rebuilt as a general table.
import sys
g = sys.getsizeof
d = {'a': 1}; d[1] = 2; print(g(d))
d = {'a': 1, 'b': 2, 'c': 3, 'd': 4}; d[(1,)] = 2; print(g(d))
d = {str(i): i for i in range(20)}; d[1.5] = 0; print(g(d))
d = {}; d[1] = 1; d['x'] = 2; print(g(d))
d = dict(a=1); d.update({1: 2}); print(g(d))
d = dict.fromkeys('abcdefghijklmnopqrstu'); print(g(d)); d[0] = 0; print(g(d))
