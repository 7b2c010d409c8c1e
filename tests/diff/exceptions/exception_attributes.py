try:
    raise OSError(2, "No such file or directory")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e)

try:
    int("z")
except ValueError as e:
    print(e.args)

try:
    {}["missing"]
except KeyError as e:
    print(e.args, e.args[0])

def tb_depth():
    try:
        def a():
            b()
        def b():
            raise ValueError
        a()
    except ValueError as e:
        n = 0
        tb = e.__traceback__
        while tb is not None:
            n += 1
            tb = tb.tb_next
        return n

print(tb_depth())
e = ValueError("x")
print(e.__traceback__, e.__cause__, e.__context__)
e2 = e.with_traceback(None)
print(e2 is e)
