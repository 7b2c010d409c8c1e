# A syntax error anywhere in a file means none of it runs: the whole file is
# compiled before its first statement executes, so stdout stays empty, the
# status is 1 and stderr ends with the error.
import sys


def helper(x):
    return x * 2


print("this must never be printed", helper(21))
sys.stdout.write("nor this\n")
values = [helper(i) for i in range(3)]
def outer():
    def inner():
        nonlocal missing
        missing = 1
    return inner
