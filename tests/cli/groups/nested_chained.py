def f():
    raise ValueError("bad value")

def g():
    errors = []
    for i in range(2):
        try:
            if i == 0:
                f()
            else:
                {}["k"]
        except Exception as e:
            errors.append(e)
    e2 = TypeError("t")
    e2.add_note("a note")
    inner = ExceptionGroup("inner", [e2, OSError(2, "nope")])
    raise ExceptionGroup("several", errors + [inner])

try:
    g()
except Exception as e:
    raise RuntimeError("wrapped") from e
