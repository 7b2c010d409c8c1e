# Each exec/compile call is its own compilation unit.
code = "a = 99999\nb = 99999\nresult = a is b"
ns = {}
exec(code, ns)
print(ns["result"])

ns2 = {}
exec("a = 99999", ns2)
exec("b = 99999", ns2)
print(ns2["a"] is ns2["b"])

here = 99999
print(here is ns["a"])

c = compile("x = (7.5, 'k k')", "<unit>", "exec")
n1, n2 = {}, {}
exec(c, n1)
exec(c, n2)
print(n1["x"] is n2["x"])
