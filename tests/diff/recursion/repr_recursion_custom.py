class Self:
    def __repr__(self):
        return "Self(" + repr(self) + ")"

try:
    repr(Self())
except RecursionError as e:
    print("RecursionError:", e)

def mutual_a(n):
    return mutual_b(n + 1)

def mutual_b(n):
    return mutual_a(n + 1)

try:
    mutual_a(0)
except RecursionError as e:
    print("RecursionError:", e)
print("recovered")
