def f(a, *, b, c=10):
    return a, b, c

print(f(1, b=2))
print(f(1, c=3, b=2))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)

def g(*args, key):
    return args, key

print(g(1, 2, key="k"))
try:
    g(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(f.__kwdefaults__)
