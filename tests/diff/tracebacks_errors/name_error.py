# An uncaught NameError from inside a function.
def f():
    return undefined_variable + 1


def g():
    try:
        return another_missing
    except NameError as e:
        return "caught: " + str(e)


print(g())
print("calling f")
f()
