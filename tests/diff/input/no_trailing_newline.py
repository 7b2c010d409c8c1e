first = input()
second = input()
print(repr(first), repr(second))
try:
    input()
except EOFError:
    print("EOF after last line without newline")
