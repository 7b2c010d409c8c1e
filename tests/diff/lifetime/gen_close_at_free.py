# Freeing a suspended generator throws GeneratorExit into it: except and
# finally blocks run, at the moment the last reference goes.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def gen(tag):
    res = Noisy(tag)
    try:
        yield 1
        yield 2
    except GeneratorExit as e:
        print("GeneratorExit in", tag, type(e).__name__, e.args)
        raise
    finally:
        print("finally", tag)

g = gen("a")
print(next(g))
print("dropping a")
g = None
print("after a")

g = gen("b")
next(g)
h = g
del g
print("still referenced by h")
h = "x"
print("after b")

# a finished generator has nothing to run
g = gen("c")
print(list(g))
del g
print("after c")

# in a list: freed when the list is
gens = [gen("d%d" % i) for i in range(3)]
for x in gens:
    next(x)
print("clearing list")
del gens
print("end")
