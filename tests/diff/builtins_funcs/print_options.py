import sys
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print()
print("no newline", end="")
print(" continued")
print(1, 2.5, None, [1], sep=" | ")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5))
print(*[], sep="x")
print("multi\nline")
print("", end="")
print(sep="ignored")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
