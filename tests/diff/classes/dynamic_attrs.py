class Obj:
    pass

o = Obj()
print(hasattr(o, "x"))
setattr(o, "x", 1)
print(o.x, getattr(o, "x"), getattr(o, "missing", "default"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    o.nope
except AttributeError as e:
    print("AttributeError:", e)
delattr(o, "x")
print(hasattr(o, "x"))
try:
    del o.x
except AttributeError as e:
    print("AttributeError:", e)
o.__dict__["y"] = 2
print(o.y, vars(o))
try:
    object().z = 1
except AttributeError as e:
    print("AttributeError:", e)
