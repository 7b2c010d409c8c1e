def f():
    raise TypeError('t')
f()
