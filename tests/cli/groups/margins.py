def inner():
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("line one\nline two") from z

errs = []
try:
    inner()
except ValueError as v:
    errs.append(v)
n = KeyError("k")
n.add_note("note one\nnote two")
n.add_note("third")
errs.append(n)
try:
    compile("x = (1,", "<sx>", "exec")
except SyntaxError as s:
    errs.append(s)
errs.append(SyntaxError("custom", ("f.py", 3, 5, "  bad line here\n", 3, 8)))
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ExceptionGroup("nested in context", [OSError("o")])
except ExceptionGroup as g:
    errs.append(g)
errs += [ValueError(i) for i in range(14)]
raise ExceptionGroup("top", errs)
