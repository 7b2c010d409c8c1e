# Fields of CPython's exception structs (name, obj, value, errno, code, ...)
# are attributes but not in __dict__, which holds only the program's own;
# __reduce__ and copy follow; a cycle through AttributeError.obj is collected.
import copy, gc, sys
class P: pass
p = P()
try:
    p.zz
except AttributeError as e:
    print(e.name, e.obj is p, e.__dict__)
    e.extra = 1
    print(e.__dict__, e.name)
    e.name = "changed"
    print(e.name, e.__dict__)
    print(e.__reduce__()[2] if len(e.__reduce__()) > 2 else None)
try:
    raise StopIteration(3)
except StopIteration as e:
    print(e.value, e.__dict__, e.__reduce__())
    c = copy.copy(e)
    print(c.value, c.args)
e = OSError(2, "nf", "f.txt")
print(e.errno, e.strerror, e.filename, e.__dict__)
e = SystemExit(3)
print(e.code, vars(e))
k = KeyError("a")
print(k.__dict__, repr(copy.deepcopy(k)))
class MyErr(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
m = MyErr("bad", 7)
print(m.code, m.__dict__, m.args)
# cycle through obj
class Q: pass
def make():
    q = Q()
    try:
        q.nope
    except AttributeError as e:
        q.err = e
gc.collect()
make()
print(gc.collect())
