# dir(module) lists the module's own names (its __dict__), not the
# attributes of the module type, or what the module's own __dir__ returns.
import sys, types

m = types.ModuleType("made")
print(dir(m))
m.value = 1
m.func = len
print(dir(m))
m.__dir__ = lambda: ["zeta", "alpha"]
print(dir(m))
m.__dict__["__dir__"] = 5
try:
    dir(m)
except TypeError as e:
    print("TypeError", e)
print("__eq__" in dir(sys), "getrefcount" in dir(sys), "append" in dir(sys))
print(type(sys).__dir__, types.ModuleType.__dir__(m) if False else "skip")
print(sorted(types.ModuleType.__dir__(types.ModuleType("x"))))
