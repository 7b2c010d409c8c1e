x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)

lst = [0, 1, 2, 3, 4, 5]
del lst[1], lst[-1]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)

assert True, "never"
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError args:", e.args)

def f():
    y = 5
    del y
    return y

try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
