# The stdin file has one line; the second input() hits end of file and the
# uncaught EOFError ends the program with status 1.
def ask(prompt):
    answer = input(prompt)
    print("got", repr(answer))
    return answer


first = ask("first: ")
print("length", len(first))
second = ask("second: ")
print("unreachable", second)
