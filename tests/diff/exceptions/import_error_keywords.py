# ImportError accepts the keyword arguments name and path (and nothing
# else); other exceptions take no keyword arguments.
e = ImportError("message", name="mod", path="/p/mod.py")
print(e.name, e.path, e.msg, e.args, repr(e), str(e))
e = ModuleNotFoundError("no module", name="q")
print(e.name, e.path, e.msg, e.args)
e = ImportError(name="only")
print(e.name, e.path, e.msg, e.args, repr(str(e)))
e = ImportError("a", "b", path="x")
print(e.name, e.path, e.msg, e.args)


class MyImportError(ImportError):
    pass


e = MyImportError("m", name="n")
print(type(e).__name__, e.name, e.path)

for make in [lambda: ImportError("m", nme="n"),
             lambda: ImportError(name=1, path=2, x=3),
             lambda: ModuleNotFoundError(bad=1),
             lambda: MyImportError(bad=1),
             lambda: ValueError("v", name="n"),
             lambda: KeyError(path=1)]:
    try:
        make()
        print("no error")
    except TypeError as ex:
        print("TypeError:", ex)

e = ImportError()
ImportError.__init__(e, "again", name="nm")
print(e.name, e.path, e.args)
try:
    ImportError.__init__(e, wrong=1)
except TypeError as ex:
    print("TypeError:", ex)
try:
    raise ImportError("cannot import", name="pkg", path="/x")
except ImportError as ex:
    print(ex.name, ex.path, ex)
