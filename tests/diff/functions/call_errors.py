def f(a, b):
    return a + b

tests = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=1),
    lambda: f(),
    lambda: (lambda: 0)(1),
    lambda: f(*[1], **{"a": 2}),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)

def k(*, x):
    pass

try:
    k(1)
except TypeError as e:
    print(e)
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
