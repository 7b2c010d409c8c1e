# No .stdin file: stdin is /dev/null and input() raises EOFError (the prompt
# is still written).
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", repr(e), str(e))
try:
    input()
except EOFError:
    print("again EOFError")
print("done")
