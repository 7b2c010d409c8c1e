# A walrus in a comprehension at module level declares its target global in
# the module (CPython 3.11's symtable): the module body loads and stores it
# as a global, also under exec with separate locals.
import sys
data = [1, 5, 12]
big = [y for x in data if (y := x * 2) > 10]
print(big, y)
src = "r = [w for v in (1, 2) if (w := v)]\nw = w + 10\nz = w\n"
g = {}
l = {}
exec(src, g, l)
print(sorted(k for k in g if not k.startswith("__")), sorted(l))
print(g.get("w"), l.get("z"), l.get("w"))
code = compile(src, "s", "exec")
print(code.co_stacksize, sys.getsizeof(code), code.co_names)
code = compile("print(big, y)\n[y for x in data if (y := x)]\n", "s", "exec")
print(code.co_stacksize, sys.getsizeof(code))
