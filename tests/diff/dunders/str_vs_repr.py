class Both:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"

class OnlyRepr:
    def __repr__(self):
        return "only repr"

b = Both()
print(b, str(b), repr(b), [b], (b,), {1: b})
print("%s %r" % (b, b), "{} {!r}".format(b, b), f"{b} {b!r} {b!s}")
o = OnlyRepr()
print(o, str(o), [o])

class BadRepr:
    def __repr__(self):
        return 42

try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
