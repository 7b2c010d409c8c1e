# An uncaught RecursionError: status 1, last stderr line is the error.
def forever(n):
    return forever(n + 1) + 1


def bounded(n):
    return 0 if n == 0 else 1 + bounded(n - 1)


print("bounded", bounded(500))
print("about to recurse")
forever(0)
print("unreachable")
