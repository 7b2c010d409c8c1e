# The compiler's nesting limit: CPython raises RecursionError "during
# compilation" for expressions nested 3000 deep; exec() shows it.
ok = "+".join(["1"] * 2000)
print(eval(ok))
deep = "+".join(["1"] * 5000)
try:
    eval(deep)
except RecursionError as e:
    print("RecursionError:", e)
