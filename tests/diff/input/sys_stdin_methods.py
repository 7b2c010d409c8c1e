# sys.stdin is readable like a text file: readline, iteration, read.
import sys
first = sys.stdin.readline()
print(repr(first))
second = input()
print(repr(second))
for line in sys.stdin:
    print("line:", repr(line))
    if line.startswith("stop"):
        break
rest = sys.stdin.read()
print(repr(rest))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
print(sys.stdin.name, sys.stdin.mode, sys.stdin.readable(), sys.stdout.writable(), sys.stdin.fileno())
