# CPython 3.11 suggests a close name for a NameError (locals, then
# globals, then builtins).
counter = 10
def bump(amount):
    total = amount + 1
    return totl * 2
try:
    bump(1)
except NameError as e:
    print("caught:", e)
print(countr)
