# A branch that ends in return/raise/break/continue must not hide the code
# reached by jumping past it (nested ifs, loops, try, elif chains).
def f(x):
    if x:
        return 1
    else:
        pass

def g(x):
    if x > 0:
        if x > 5:
            return "big"
    else:
        return "neg"

def h(x):
    while x:
        if x == 3:
            return x
        x -= 1
    else:
        return -1

def k(x):
    try:
        if x:
            return 1
    finally:
        pass

def m(x):
    for i in range(x):
        if i == 2:
            return i
    if x:
        return "x"

def n(x):
    if x == 1:
        return "one"
    elif x == 2:
        if x:
            raise ValueError("two")
    elif x == 3:
        pass
    else:
        return "other"
    return "after"

def p(xs):
    out = []
    for x in xs:
        if x < 0:
            if x < -5:
                break
        else:
            continue
        out.append(x)
    return out

def q(x):
    if x:
        if x > 1:
            return "a"
        elif x > 0:
            return "b"
    print("fell through", x)

print(f(1), f(0), g(1), g(9), g(-1), h(5), h(2), h(0), k(0), k(1), m(5), m(1), m(0))
for v in (1, 3, 4):
    print(n(v))
try:
    n(2)
except ValueError as e:
    print("raised", e)
print(p([1, -1, 2, -2, -7, -3]))
print(q(0), q(1), q(2))
