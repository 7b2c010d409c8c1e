def nothing():
    pass

class Empty:
    pass

print(nothing())
print(type(Empty()).__name__)

for _ in range(3):
    pass
print(_)

if True:
    pass
else:
    print("no")

def docstring_only():
    "just a docstring"

print(docstring_only(), docstring_only.__doc__)
...
print("done")
