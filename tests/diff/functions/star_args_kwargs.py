def f(*args, **kwargs):
    print(type(args).__name__, args, type(kwargs).__name__, kwargs)

f()
f(1, 2)
f(a=1, b=2)
f(1, *[2, 3], x=4, **{"y": 5})
nums = (10, 20)
opts = {"sep": "-"}
print(*nums, **opts)

def g(a, b, *rest, c=3, **kw):
    return a, b, rest, c, kw

print(g(1, 2))
print(g(1, 2, 3, 4, c=5, d=6))
print(g(*range(5)))
print(g(b=2, a=1))
