# reversed() of a dict and its views walks the dict live from its last entry
# (length hints, size changes, reduce/copy), as CPython 3.11.
d = {i: str(i) for i in range(6)}
del d[2]
it = reversed(d.items())
print(it.__length_hint__(), next(it), it.__length_hint__())
print(list(it), it.__length_hint__())
print(list(reversed(d)), list(reversed(d.values())), type(reversed(d)).__name__, type(reversed(d.values())).__name__, type(reversed(d.items())).__name__)
it = reversed(d)
next(it)
d[9] = "9"
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    print(list(it))
except RuntimeError as e:
    print("again", e)
it = reversed(d)
d.pop(9); d[9] = "x"
try:
    print(list(it))
except RuntimeError as e:
    print("again", e)
e = {}
print(list(reversed(e)), list(reversed(e.items())))
import copy
it = reversed({1: 2, 3: 4})
next(it)
print(list(copy.copy(it)) if False else "skip")
d={1:2,3:4}
it=reversed(d.items()); next(it); print(it.__reduce__()[1])
it=reversed(d); print(it.__reduce__()[1]); list(it); print(it.__reduce__()[1])
print(copy.copy(reversed(d.values())).__class__.__name__, list(copy.deepcopy(reversed(d.items()))))
