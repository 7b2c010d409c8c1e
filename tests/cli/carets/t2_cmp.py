a = 1
if a < 'x':
    pass
