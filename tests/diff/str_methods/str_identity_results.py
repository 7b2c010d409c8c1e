# Which str methods give back the very same object (CPython returns an
# exact str unchanged when nothing changes).
s = "hello world"
print(s.strip() is s, s.strip("q") is s, s.rstrip() is s, s.lstrip("x") is s)
print(s.center(5) is s, s.ljust(11) is s, s.rjust(3) is s, s.zfill(2) is s)
print(s.replace("q", "r") is s, s.replace("l", "L", 0) is s, s.replace("l", "L") is s)
print(s.expandtabs() is s, s.removeprefix("x") is s, s.removesuffix("") is s)
print(s.split("q")[0] is s, s.rsplit("q")[0] is s, s.partition("q")[0] is s, s.rpartition("q")[2] is s)
print(s.splitlines()[0] is s, "".join([s]) is s, s * 1 is s, s + "" is s, "" + s is s)
print(s.format() is s, s.format_map({}) is s, s % () is s, str(s) is s, s[:] is s)
print(s.lower() is s, s.title() is s, s.translate({}) is s, s.casefold() is s)
t = "ab"
print(t.center(4), t.center(5, "*"), t.ljust(4, "-"), t.rjust(4, "-"), "-5".zfill(4))
