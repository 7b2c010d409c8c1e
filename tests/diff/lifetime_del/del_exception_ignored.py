import sys

class Bad:
    def __del__(self):
        print("in __del__")
        raise RuntimeError("from __del__")

b = Bad()
del b
# The exception is reported on stderr ("Exception ignored in") and the
# program continues.
print("still running")
sys.stdout.flush()
