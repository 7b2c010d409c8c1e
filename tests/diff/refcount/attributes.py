import sys

class Holder:
    pass

payload = [1, 2]
h = Holder()
print(sys.getrefcount(payload))
h.a = payload
print(sys.getrefcount(payload))
h.b = payload
print(sys.getrefcount(payload))
Holder.cls_attr = payload
print(sys.getrefcount(payload))
del h.a
print(sys.getrefcount(payload))
del Holder.cls_attr
print(sys.getrefcount(payload))
print(sys.getrefcount(h))
h.me = h
print(sys.getrefcount(h))
del h.me
print(sys.getrefcount(h))
