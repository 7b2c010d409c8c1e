def f():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        raise TypeError("new")
f()
