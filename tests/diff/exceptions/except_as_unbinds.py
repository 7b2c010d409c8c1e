e = "outer value"
try:
    raise ValueError("inner")
except ValueError as e:
    print("caught", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)

def f():
    x = None
    try:
        1 / 0
    except ZeroDivisionError as x:
        pass
    return "x" in locals()

print(f())

saved = None
try:
    raise KeyError("k")
except KeyError as exc:
    saved = exc
print(type(saved).__name__, saved)
