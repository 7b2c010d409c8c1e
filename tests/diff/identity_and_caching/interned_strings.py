import sys

# Identifier-like string constants are interned, so they are shared even
# between separately compiled units.
ns = {}
exec("x = 'hello_world'", ns)
exec("y = 'hello_world'", ns)
print(ns["x"] is ns["y"])

# Strings that do not look like identifiers are not interned across units.
exec("p = 'hello world!'", ns)
exec("q = 'hello world!'", ns)
print(ns["p"] == ns["q"], ns["p"] is ns["q"])

# A constant in this file is the same object as the interned one.
here = "hello_world"
print(here is ns["x"])

# Strings built at run time are not interned.
built = "".join(["hello", "_", "world"])
print(built == here, built is here)
print(sys.intern(built) is here)
