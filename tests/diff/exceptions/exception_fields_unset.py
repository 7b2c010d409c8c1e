# Fields of CPython's exception structs that no argument set are NULL
# there: they read as None, but gc.get_referents does not list them, and
# the ones that are set come first, in CPython's order, then __dict__, then
# args. Keyword arguments set name/obj (AttributeError, NameError) and
# name/path (ImportError).
import gc

def refs(e):
    return gc.get_referents(e)

for e in [StopIteration(), StopIteration(5), SystemExit(), SystemExit(3), SystemExit(1, 2),
          AttributeError("a"), AttributeError("a", name="n", obj=3), NameError("n"), NameError("n", name="x"),
          ImportError(), ImportError("m"), ImportError("m", "extra"), ImportError("m", name="nm", path="p"),
          ModuleNotFoundError("mod", name="mod"),
          OSError(), OSError("one"), OSError(2, "two"), OSError(2, "x", "f"), OSError(1, "a", "f", None, "g"),
          OSError(1, "a", None, None, "g"), OSError(1, "a", "f", 3, "g", 6),
          SyntaxError(), SyntaxError("s"), SyntaxError("s", ("f", 1, 2, "t")), SyntaxError("s", ("f", 1, 2, "t", 1, 3)),
          KeyError(1), ValueError()]:
    print(type(e).__name__, repr(e), "|", str(e), "|", refs(e))
    e.extra = 1
    print("   with dict", refs(e))

print("-- unset fields read as None")
a = AttributeError("a")
print(a.name, a.obj)
o = OSError("x")
print(o.errno, o.strerror, o.filename, o.filename2)
s = SyntaxError()
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset, s.print_file_and_line)
print(SystemExit().code, ImportError().msg, ImportError().name, ImportError().path)

print("-- setting and deleting")
a.name = "set"
print(a.name, refs(a))
del a.name
print(a.name, refs(a))
st = StopIteration(4)
del st.value
print(st.value, refs(st))
a.obj = [1]
a.name = "n"
print(refs(a))

print("-- keyword errors")
for make in [lambda: NameError(x=1), lambda: AttributeError(foo=1), lambda: ImportError(x=1),
             lambda: KeyError(x=1), lambda: NameError(name="a", obj=2),
             lambda: AttributeError(name="a", obj=2, other=3), lambda: ImportError(name="a", path="b", x=1)]:
    try:
        make()
        print("made")
    except TypeError as e:
        print("TypeError", e)

print("-- str of SyntaxError")
try:
    compile("x = (", "/some/dir/f.py", "exec")
except SyntaxError as e:
    print(e, "|", e.args[0])
for e in [SyntaxError("m", ("/x/y.py", None, 1, "t")), SyntaxError("m", (None, 3, 1, "t")),
          SyntaxError("m", (5, 3, 1, "t")), SyntaxError(1, ("f", 2, 1, "t")), SyntaxError("m", ("f", True, 1, "t")),
          IndentationError("i", ("g.py", 4, 1, "t"))]:
    print(str(e))

print("-- SyntaxError's details")
print(SyntaxError("a", ["f", 1, 2, "t"]).filename, SyntaxError("a", "b", "c").args, SyntaxError("a", "b", "c").filename)
for info in [5, ("f",), "xyz", ("f", 1, 2, "t", 1, 2, 3)]:
    try:
        SyntaxError("a", info)
    except TypeError as e:
        print("TypeError", e)
once = SyntaxError("a", iter(["f", 1, 2, "t"]))
print(once.filename, once.lineno, once.text)
