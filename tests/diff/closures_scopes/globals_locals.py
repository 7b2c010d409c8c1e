g1 = 1

def f(a, b=2):
    c = a + b
    return sorted(locals().items())

print(f(1))
gl = globals()
print(gl is globals(), gl["g1"])
gl["g2"] = "made via globals()"
print(g2)
print("f" in globals(), "c" in globals())
print(globals()["__name__"])

def with_closure():
    v = 1
    def inner():
        return v
    return sorted(locals())

print(with_closure())
