def attempt(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "err"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally")

print(attempt(2))
print(attempt(0))

def finally_overrides():
    try:
        return 1
    finally:
        return 2

print(finally_overrides())

def finally_swallows():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return "loop survived"

print(finally_swallows())
