a = 2
b = 'x'
c = a ** b
