alpha = 1

def f(p):
    q = p + 1
    return sorted(locals().keys()), sorted(dir())

print(f(1))
print("alpha" in globals(), "f" in globals(), globals()["alpha"])
names = sorted(n for n in dir() if not n.startswith("__"))
print(names)

class Thing:
    a = 1
    def b(self):
        pass

print([n for n in dir(Thing) if not n.startswith("__")])
t = Thing()
t.c = 3
print([n for n in dir(t) if not n.startswith("__")])
