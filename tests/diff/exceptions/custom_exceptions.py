class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field

try:
    raise ValidationError("age", "must be positive")
except ValueError as e:
    print(type(e).__name__, e, e.field, e.args)

class Plain(Exception):
    pass

print(str(Plain()), repr(Plain()), str(Plain("a")), repr(Plain("a", 2)), str(Plain("a", 2)))
e = Exception("x", 1)
print(e.args, str(e), repr(e))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
print(repr(ValueError()), repr(StopIteration(5)), StopIteration(5).value)

class WithStr(Exception):
    def __str__(self):
        return "custom str"

try:
    raise WithStr
except WithStr as e:
    print(e, repr(e))
