v = None
s = f'{v.attr}'
