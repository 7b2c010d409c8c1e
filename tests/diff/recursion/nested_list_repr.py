nested = []
for _ in range(100000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print("RecursionError:", e)
try:
    str(nested)
except RecursionError as e:
    print("RecursionError:", e)
shallow = [[[[1]]]]
print(repr(shallow))
del nested
print("freed a 100000-deep list without crashing")
