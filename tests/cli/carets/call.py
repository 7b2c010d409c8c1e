def g():
    raise ValueError('no')
x = [g()]
