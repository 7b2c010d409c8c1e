# Instance dicts are split tables over their class's shared keys (CPython 3.11):
# their size is the values array, which shrinks as instances are created.
import sys
g=sys.getsizeof
class A: pass
a1=A(); a1.x=1; a1.y=2
a2=A(); a2.y=1; a2.x=2
print(g(a1.__dict__), g(a2.__dict__))
a3=A(); a3.z=1; print(g(a3.__dict__), g(a1.__dict__))
del a3.z; print(g(a3.__dict__))
class LI(list): pass
l1=LI(); l2=LI(); l3=LI(); l3.q=1; print('LI', g(l3.__dict__))
class B: pass
bs=[B() for i in range(40)]; b=bs[0]; b.k=1; print('B', g(b.__dict__))
class K:
    def __init__(self, n):
        for i in range(n): setattr(self, 'a%d'%i, i)
for n in (1, 10, 28, 29, 30, 31, 40):
    k=K(n); print(n, g(k.__dict__), end='; ')
print()
class P: pass
p=P(); d=p.__dict__; print('P', g(d)); d['a']=1; print(g(d))
class Q: pass
q=Q(); q.__dict__ = {'a': 1}; print('Q', g(q.__dict__))
q2=Q(); q2.b=1; print(g(q2.__dict__))
class R:
    __slots__=('__dict__',)
r=R(); r.a=1; print('R', g(r.__dict__))
class C: pass
c=C(); print(g(c.__dict__), g(c.__dict__))
c2=C(); print(g(c2.__dict__), g(c.__dict__))
for i in range(5):
    x = C(); print(g(x.__dict__), end=' ')
print()
class E:
    def __init__(self): self.a = 1; self.b = 2
e = E(); print(g(e.__dict__), g(E().__dict__))
e.c = 3; print(g(e.__dict__))
del e.a; print(g(e.__dict__))
e3 = E(); e3.__dict__['z'] = 1; print(g(e3.__dict__))
print(g(vars(E())))
e.__dict__.clear(); print(g(e.__dict__))
