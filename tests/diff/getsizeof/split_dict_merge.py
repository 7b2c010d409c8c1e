# Merging into, copying and popping from split instance dicts, as CPython 3.11 sizes them.
import sys, copy
g = sys.getsizeof
class C:
    def __init__(self): self.a = 1; self.b = 2
c = C()
d = c.__dict__
print(g(d), g(d.copy()), g(dict(d)), g({**d}), g(copy.copy(d)))
c2 = copy.copy(c); print(g(c2.__dict__), g(c.__dict__))
c3 = copy.deepcopy(c); print(g(c3.__dict__))
v = vars(C()); v.pop('a'); print(g(v))
v['a'] = 5; print(g(v))
w = vars(C()); w.popitem(); print(g(w))
w.update(x=1); print(g(w))
class D: pass
e = D(); e.__dict__.update({'k%d' % i: i for i in range(40)}); print(g(e.__dict__))
f = D(); f.__dict__.setdefault('q', 1); print(g(f.__dict__))
