# sys.exit() with no argument exits with status 0.
import sys


def main():
    print("main starts")
    data = {"a": 1}
    if data:
        print("sys.exit() with no argument")
        sys.exit()
    print("unreachable")


main()
print("unreachable too")
