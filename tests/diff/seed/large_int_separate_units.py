# Each exec() call compiles a separate unit, like separate REPL lines.
ns = {}
exec("a = 257", ns)
exec("b = 257", ns)
print(ns["a"] == ns["b"])
print(ns["a"] is ns["b"])

exec("c = 257; d = 257", ns)
print(ns["c"] is ns["d"])

exec("e = 256", ns)
exec("f = 256", ns)
print(ns["e"] is ns["f"])
