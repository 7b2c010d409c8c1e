# LOAD_GLOBAL is cached per code object; every change to the namespaces
# must be seen at the next lookup.
import builtins


def use_len():
    return len([1, 2, 3])


def use_x():
    return x


print(use_len())
len = lambda s: "shadowed"          # a new global shadows the builtin
print(use_len())
del len                              # back to the builtin
print(use_len())

saved = builtins.len
builtins.len = lambda s: "patched builtin"
print(use_len())
builtins.len = saved
print(use_len())
del builtins.len
try:
    use_len()
except NameError as e:
    print("NameError:", e)
builtins.len = saved
print(use_len())

x = 1
print(use_x())
x = 2                                # value change, same key
print(use_x())
for i in range(20):                  # many new keys: the table resizes
    globals()["filler%d" % i] = i
print(use_x())
del x
try:
    use_x()
except NameError as e:
    print("NameError:", e)
x = "again"
print(use_x())

# One code object run with different globals dicts.
code = use_x.__code__
g1 = {"x": "g1"}
g2 = {"x": "g2", "__builtins__": builtins}
print(eval(code, g1), eval(code, g2), eval(code, g1))
g1.clear()
g1["x"] = "g1 refilled"
print(eval(code, g1))
g2.pop("x")
try:
    eval(code, g2)
except NameError as e:
    print("NameError:", e)


def loop_lookups(n):
    total = 0
    for i in range(n):
        total += abs(-i)
        if i == 5:
            globals()["abs"] = lambda v: 1000
    return total


print(loop_lookups(10))
del abs
print(loop_lookups(3) if "abs" in globals() else abs(-7))
