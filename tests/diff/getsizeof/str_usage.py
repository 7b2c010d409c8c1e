# Strs keep their compact size whatever they are used for.
import sys
g = sys.getsizeof
s = "é" * 10
print(g(s))
print(s)
print(g(s))
x = f"{s}!"
s.encode()
d = {s: 1}
print(g(s), g(x))
t = "\u20ac" * 5
str(t); repr(t); t.upper(); "%s" % t; format(t); t.encode("utf-8")
print(g(t))
class A: pass
a = A()
setattr(a, t, 1)
print(g(t))
u = "abc\u00ff"
print(g(u), g(u.casefold()), g(u[:3]), g(u + "x"), g(u * 2), g("".join([u, u])))
print(g(str(3.5)), g(str(10**20)), g(hex(255)), g(chr(0x1F600)), g(" ".strip()), g("ab".replace("a", "\u0394")))
