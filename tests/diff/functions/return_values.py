def none_implicit():
    x = 1

def none_explicit():
    return

def multiple():
    return 1, "two", [3]

def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1

print(none_implicit(), none_explicit())
r = multiple()
print(r, type(r).__name__)
a, b, c = multiple()
print(a, b, c)
print(early(10), early(2))

def finally_return():
    try:
        return "try"
    finally:
        print("finally runs before return completes")

print(finally_return())
