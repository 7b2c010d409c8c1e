x = "global"

def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()

def local():
    x = "local"
    return x

def glob():
    return x

print(outer(), local(), glob())
print(len("builtin len"))

def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")

print(shadow_builtin(), len("abc"))

def uses_later_global():
    return later

later = "defined after the function"
print(uses_later_global())

class C:
    y = "class attr"
    def m(self):
        try:
            return y
        except NameError as e:
            return "NameError: " + str(e)

print(C().m())
