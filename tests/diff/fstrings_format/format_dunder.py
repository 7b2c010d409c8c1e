class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"
    def __str__(self):
        return "Money(str)"

m = Money(12345)
print(f"{m}", f"{m:short}", f"{m:.1f}")
print(format(m, "short"), "{:short}".format(m), str(m))
print(f"{m!s}")

class NoFormat:
    pass

try:
    format(NoFormat(), "x")
except TypeError as e:
    print("TypeError:", e)
print(format(NoFormat(), "") == str(NoFormat()) or "differs (ids)")
