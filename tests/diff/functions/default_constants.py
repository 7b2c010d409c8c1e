# CPython 3.11 loads each constant default, then its optimizer folds the
# tuple built of them: the values stay among the code's constants (in
# source order) and the folded tuple comes after every other constant.
import sys

rc = sys.getrefcount
src = """
def f(a=8000, b="default text"):
    return a
g = lambda x=1.5, y=(1, 2): x
def h(p, q=8000, *, r=9000):
    return q
x = [7001, 7002, 7003]
y = {7001, 7005}
v = f(a=1, b=2)
"""
code = compile(src, "<defaults>", "exec")
print([c for c in code.co_consts if type(c).__name__ != "code"])
ns = {}
exec(code, ns)
print(ns["f"].__defaults__, ns["g"].__defaults__, ns["h"].__defaults__, ns["h"].__kwdefaults__)
del code
print(rc(ns["f"].__defaults__[0]), rc(ns["f"].__defaults__[1]))


def k(a=8001, b="other default", c=None):
    return a


print(rc(k.__defaults__[0]), rc(k.__defaults__[1]), rc(k.__defaults__))
print(k.__code__.co_consts)
