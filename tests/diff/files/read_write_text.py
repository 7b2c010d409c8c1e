# open(): write, append, read back in several ways, context managers.
import sys
name = "tmp_read_write_text.txt"
with open(name, "w") as f:
    print(f.closed, f.mode, f.name)
    n = f.write("first line\n")
    f.write("second line\n")
print(n, f.closed)
with open(name, "a") as f:
    f.write("third\n")
with open(name) as f:
    print(repr(f.readline()))
    print(f.readlines())
with open(name) as f:
    for line in f:
        print(line.rstrip())
f = open(name)
print(repr(f.read(5)), repr(f.read()))
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
with open(name, "rb") as f:
    print(f.read())
try:
    open("no_such_file_here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
with open(name, "w") as f:
    print("via print", file=f)
print(open(name).read(), end="")
