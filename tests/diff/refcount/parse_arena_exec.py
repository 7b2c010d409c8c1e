# The string given to exec or eval is parsed into an arena that lives
# while its code runs (one reference to each literal's object); compile()
# frees its arena before anything runs, and so does an import.
import sys

rc = sys.getrefcount
exec("y = 2000\nprint('exec, while running', rc(y))")
print("exec, after", rc(y))
print("eval, while running", eval("rc(3000)"))
print("eval of a tuple", eval("rc((4000, 'two words'))"))
code = compile("z = 5000", "<compiled>", "exec")
exec(code)
print("compiled, kept", rc(z))
del code
print("compiled, freed", rc(z))
exec("def k():\n    return 6000\n")
print("function made by exec", rc(k()))
exec("w = 7000; w2 = 7000")
print("repeated in exec", rc(w), w is w2)
g = {}
exec("v = -8000\nr = rc(v)", {"rc": rc}, g)
print("folded in exec", g["r"], rc(g["v"]))
