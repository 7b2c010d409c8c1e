# str.format parsing corner cases: escapes, nested specs, field names,
# conversions and the errors CPython raises for malformed strings.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: "{0[a:b]}|{0[}]}".format({"a:b": 1, "}": 2}))
show(lambda: "{:{}{}}".format(7, ">", 4))
show(lambda: "{0:{1}}|{0:{w}}".format(3, "d", w="x>5"))
show(lambda: "{.real}|{[1]}|{0.__class__.__name__}".format(5, [8, 9]))
show(lambda: "{00}|{0[-1]}".format({"-1": 2}))
show(lambda: "}}{{ {!r:>5}".format("a"))
show(lambda: "{!a}".format("é"))
show(lambda: "{a{b}".format(1))
show(lambda: "{".format(1))
show(lambda: "}".format(1))
show(lambda: "x{0".format(1))
show(lambda: "{0!}".format(1))
show(lambda: "{0!rx}".format(1))
show(lambda: "{0!x}".format(1))
show(lambda: "{}{1}".format(1, 2))
show(lambda: "{1}{}".format(1, 2))
show(lambda: "{0.}".format(1))
show(lambda: "{0[]}".format(1))
show(lambda: "{0[0]x}".format([1]))
show(lambda: "{:{:{}}}".format(1, 2, 3))
show(lambda: "{99999999999999999999}".format(1))
show(lambda: "{ 0}".format(1))
show(lambda: "{2}".format(1))
show(lambda: "{:d}".format("a"))
show(lambda: "{:s}".format(1))
show(lambda: "a{:x}}".format(1))
s = "no fields here"
print(s.format() is s, s.format(1, x=2) is s)
