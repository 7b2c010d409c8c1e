# sys.exit(True): True is the int 1, so the status is 1 and stderr is empty.
import sys

flags = [False, False, True]
print("flags", flags)
for flag in flags:
    if flag:
        print("sys.exit(True) exits with 1")
        sys.exit(flag)
    print("flag off")
print("unreachable")
