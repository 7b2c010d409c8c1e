# repr of refs and proxies holds addresses: check only their shape.
import weakref

class Thing:
    def __str__(self):
        return "a thing"

def shape(s):
    # Replace every hexadecimal address by ADDR.
    out = []
    for part in s.split(" "):
        bits = part.split("0x")
        if len(bits) == 2:
            tail = bits[1].lstrip("0123456789abcdef")
            part = bits[0] + "ADDR" + tail
        out.append(part)
    return " ".join(out)

t = Thing()
r = weakref.ref(t)
p = weakref.proxy(t)
print(shape(repr(r)))
print(shape(repr(p)))
print(str(p))
def func(): pass
print(shape(repr(weakref.ref(func))))
print(shape(repr(weakref.ref(Thing))))
del t
print(shape(repr(r)))
print(shape(repr(p)))
print(repr(r).endswith("; dead>"))
