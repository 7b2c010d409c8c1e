# CPython 3.11 parses f-string replacement fields itself, with its own
# messages; the whole file is compiled before anything runs.
print("never printed")
name = "world"
print(f"hello {name!r}")
print(f"bad {name!z}")
