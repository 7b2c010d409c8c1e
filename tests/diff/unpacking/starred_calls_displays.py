def f(*args, **kwargs):
    return args, kwargs

print(f(*[1, 2], *(3,), *"ab"))
print(f(**{"a": 1}, **{"b": 2}, c=3))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
print([*range(3), *"ab", 9])
print((*[1, 2],), {*[1, 2], 3})
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2], sep="+")
lists = [[1, 2], [3]]
print([x for sub in lists for x in sub], [*lists[0], *lists[1]])
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
