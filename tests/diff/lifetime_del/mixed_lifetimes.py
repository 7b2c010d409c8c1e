import sys
rc = sys.getrefcount
class C: pass
print(rc(C))
class D(C):
    def m(self): pass
print(rc(C), rc(D))
x = D()
print(rc(D))
class N:
    def __init__(s, n): s.n = n
    def __del__(s): print("del", s.n)
def f():
    a = N("a"); b = N("b")
    raise ValueError("boom")
try:
    f()
except ValueError:
    print("in except")
print("after except")
def g():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
gen = g()
next(gen)
del gen
print("after gen")
def h():
    l = N("local")
    return 5
print(h())
try:
    try:
        1/0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    print(repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("v") from KeyError("cause")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
e = None
lst = [N(i) for i in range(3)]
lst = None
print("end")
t = (N("t0"), N("t1"))
del t
d = {"k1": N("d1"), "k2": N("d2")}
del d
n2 = N("global")
_n3 = N("under")
