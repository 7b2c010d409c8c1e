def f():
    return a + 1
    a = 2
f()
