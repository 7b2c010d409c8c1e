x = 1
y = 'a'
x + y
