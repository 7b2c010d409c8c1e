# split, subgroup and derive: the parts keep the group's structure, and
# take their original's traceback, cause, context and a copy of its notes.
def show(label, pair):
    print(label, repr(pair))

eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ValueError(3), ExceptionGroup("low", [KeyError(4)])]), OSError(5)])
show("ValueError", eg.split(ValueError))
show("TypeError", eg.split(TypeError))
show("LookupError", eg.split(LookupError))
show("tuple", eg.split((KeyError, OSError)))
show("Exception", eg.split(Exception))
show("nothing", eg.split(ZeroDivisionError))
show("subgroup ValueError", eg.subgroup(ValueError))
show("subgroup nothing", eg.subgroup(ZeroDivisionError))
show("subgroup all", eg.subgroup(BaseException))

print("-- the parts are new objects")
m, r = eg.split(Exception)
print(m is eg, r)
print(eg.subgroup(Exception) is eg)
single = ExceptionGroup("s", [ValueError()])
m, r = single.split(ValueError)
print(m is single, m.exceptions[0] is single.exceptions[0], r)

print("-- a predicate sees groups and leaves")
seen = []
def pred(e):
    seen.append(repr(e))
    return isinstance(e, ValueError)
show("pred", eg.split(pred))
for s in seen:
    print("  saw", s)
show("pred on group", eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "mid"))
show("pred truthy values", eg.split(lambda e: 1 if isinstance(e, OSError) else ""))

print("-- errors")
for cond in [1, int, (ValueError, 1), (ValueError, int), "x", ValueError(), None]:
    try:
        eg.split(cond)
    except TypeError as e:
        print(repr(cond), "TypeError", e)
for args in [(), (ValueError, TypeError)]:
    for meth in (eg.split, eg.subgroup):
        try:
            meth(*args)
        except TypeError as e:
            print("TypeError", e)
try:
    eg.split(condition=ValueError)
except TypeError as e:
    print("TypeError", e)
def bad_pred(e):
    raise RuntimeError("pred failed on " + type(e).__name__)
try:
    eg.split(bad_pred)
except RuntimeError as e:
    print("RuntimeError", e)

print("-- derive")
d = eg.derive([KeyError("d")])
print(repr(d), type(d).__name__, d.__traceback__, d.__cause__)
print(type(eg.derive([KeyboardInterrupt()])).__name__)
try:
    eg.derive()
except TypeError as e:
    print("TypeError", e)
try:
    eg.derive([])
except ValueError as e:
    print("ValueError", e)

print("-- metadata is copied to the parts")
try:
    try:
        raise KeyError("cause")
    except KeyError as k:
        raise ExceptionGroup("meta", [ValueError(1), TypeError(2)]) from k
except ExceptionGroup as g:
    caught = g
caught.add_note("a note")
m, r = caught.split(ValueError)
for part in (m, r):
    print(repr(part), repr(part.__cause__), repr(part.__context__), part.__suppress_context__)
    print("  tb same:", part.__traceback__ is caught.__traceback__, "notes:", part.__notes__, part.__notes__ is caught.__notes__)
plain = ExceptionGroup("plain", [ValueError(), TypeError()])
m, r = plain.split(ValueError)
print(plain.__suppress_context__, m.__suppress_context__, m.__traceback__, hasattr(m, "__notes__"))
plain.__notes__ = "ab"
print(plain.split(ValueError)[0].__notes__)
plain.__notes__ = 7
print(hasattr(plain.split(ValueError)[0], "__notes__"))

print("-- a subclass's derive decides the parts' class")
class Keeps(ExceptionGroup):
    def derive(self, excs):
        return Keeps(self.message, excs)
k = Keeps("k", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
m, r = k.split(ValueError)
print(type(m).__name__, repr(m))
print(type(r).__name__, repr(r))
class NoDerive(ExceptionGroup):
    pass
n = NoDerive("n", [ValueError(1), TypeError(2)])
print([type(p).__name__ for p in n.split(ValueError)])
class Bad(ExceptionGroup):
    def derive(self, excs):
        return ValueError("not a group")
try:
    Bad("b", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError", e)
print(repr(Bad("b", [ValueError()]).split(Exception)))

print("-- deep nesting")
deep = ValueError("leaf")
for i in range(50):
    deep = ExceptionGroup(f"d{i}", [deep, TypeError(i)])
m, r = deep.split(ValueError)
depth = 0
while isinstance(m, ExceptionGroup):
    m = m.exceptions[0]
    depth += 1
print(depth, repr(m), len(r.exceptions))
