class Box:
    def __init__(self):
        self._w = 1
    def get_w(self):
        return self._w
    def set_w(self, v):
        self._w = v * 2
    w = property(get_w, set_w, None, "width doc")

b = Box()
b.w = 5
print(b.w, Box.w.__doc__)
p = Box.w
print(p.fget is Box.get_w, p.fset is Box.set_w, p.fdel)
ro = property(lambda self: "read only")
class R:
    x = ro
try:
    del R().x
except AttributeError as e:
    print("AttributeError:", e)
print(R().x)
