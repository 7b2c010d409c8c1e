def a(x):
    return int(x)
print(a('q'))
