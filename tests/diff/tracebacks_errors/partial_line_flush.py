# Buffered stdout (without a final newline) is flushed before the program
# exits with a traceback.
import sys

lines = ["first", "second"]
for line in lines:
    print(line)
print("no newline at the end", end="")
sys.stdout.write(" -- still buffered")


def fail():
    raise ValueError("stdout must be flushed before exit")


fail()
