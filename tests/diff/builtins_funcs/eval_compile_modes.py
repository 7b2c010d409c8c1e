x = 5
print(eval("x + 1"), eval("  x * 2"), eval("[i for i in range(x)]"))
def f():
    y = 3
    return eval("y + x")
print(f())
print(sorted(k for k in locals() if not k.startswith("__")))
c = compile("x - 1", "<s>", "eval")
print(eval(c), type(c).__name__)
for bad in ["x = 1", "1; 2", ""]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
try:
    compile("1", "s", "bogus")
except ValueError as e:
    print(e)
print(eval("lambda: x")())
print(eval(compile("x", "s", "eval"), {"x": 42}))
c = compile("1 + 2", "<s>", "single")
exec(c)
exec(compile("x = 5", "<s>", "single"))
print(x)
exec(compile("x * 2\n", "<s>", "exec"))
exec(compile("'hi'", "<s>", "single"))
exec(compile("None", "<s>", "single"))
